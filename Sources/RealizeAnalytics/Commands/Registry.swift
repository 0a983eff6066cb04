import RealizeQuery

// One line per command and per measure set; each capability adds its own.
let registered: [any DomainCommand] = [
    EVMCommand(),
    TrendCommand(),
    AppraiseCommand(),
    BenefitsCommand(),
    NPSCommand(),
    MaturityCommand(),
]

let registeredMeasures: [String: Measure] = [:]
    .merging(FinancialMeasures.measures) { a, _ in a }
