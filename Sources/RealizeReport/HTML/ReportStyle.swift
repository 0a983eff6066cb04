/// The stylesheet of every HTML export and report: light, print-first, generic fonts only.
enum ReportStyle {
    static let css = """
        :root { --ink: #1d2733; --muted: #5b6672; --rule: #d5dbe1; --head: #eef2f6; --neg: #b3261e; --accent: #1f5f99; }
        * { box-sizing: border-box; }
        html { background: #ffffff; }
        body { margin: 0; color: var(--ink); background: #ffffff; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 1080px; margin: 0 auto; padding: 28px 32px 48px; }
        header { border-bottom: 3px solid var(--accent); margin-bottom: 18px; padding-bottom: 8px; }
        h1 { font-size: 28px; margin: 0 0 6px; }
        h2 { font-size: 21px; margin: 28px 0 8px; border-bottom: 1px solid var(--rule); padding-bottom: 4px; }
        h3 { font-size: 17px; margin: 20px 0 6px; }
        p { margin: 6px 0 10px; }
        p.meta { margin: 0; color: var(--muted); font-size: 13px; }
        p.note { color: var(--muted); font-size: 13px; font-style: italic; }
        code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.92em; }
        ul, ol { margin: 6px 0 10px 22px; padding: 0; }
        figure { margin: 10px 0 18px; }
        .table-wrap { overflow-x: auto; }
        table { border-collapse: collapse; font-size: 13.5px; font-variant-numeric: tabular-nums; min-width: 40%; }
        caption { caption-side: top; text-align: left; font-weight: 600; padding: 4px 0; }
        th, td { padding: 4px 10px; border-bottom: 1px solid var(--rule); vertical-align: top; }
        th { background: var(--head); border-bottom: 2px solid #9aa7b4; font-weight: 600; white-space: nowrap; }
        td.num, th.num { text-align: right; white-space: nowrap; }
        td.txt, th.txt { text-align: left; }
        td.neg { color: var(--neg); }
        td.na { color: var(--muted); font-style: italic; }
        tbody tr:nth-child(even) td { background: #f8fafb; }
        .rag { display: inline-block; min-width: 56px; padding: 0 8px; border-radius: 9px; font-size: 12px; font-weight: 600; text-align: center; border: 1px solid; }
        .rag-red { color: #8c1d18; background: #fde7e5; border-color: #e3a39c; }
        .rag-amber { color: #7a4d00; background: #fff2d6; border-color: #e8c377; }
        .rag-green { color: #1c5e2c; background: #e3f4e6; border-color: #9fd1a9; }
        figure.chart svg { width: 100%; max-width: 860px; height: auto; display: block; }
        figcaption { color: var(--muted); font-size: 13px; }
        details.code { margin: 8px 0 4px; font-size: 13px; color: var(--muted); }
        details.code summary { cursor: pointer; }
        details.code pre, pre.output { background: #f4f6f8; border: 1px solid var(--rule); padding: 8px 10px; overflow-x: auto; color: var(--ink); }
        pre.output { font-size: 12.5px; }
        @page { size: A4; margin: 16mm 14mm; }
        @media print {
          body { font-size: 11pt; }
          main { max-width: none; padding: 0; }
          details.code { display: none; }
          h2, h3 { break-after: avoid; page-break-after: avoid; }
          figure, table, tr, .rag { break-inside: avoid; page-break-inside: avoid; }
          thead { display: table-header-group; }
          th { background: none; }
          tbody tr:nth-child(even) td { background: none; }
          .rag { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          .table-wrap { overflow: visible; }
        }

        """
}
