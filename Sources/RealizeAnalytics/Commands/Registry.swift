import RealizeQuery

// One line per command and per measure set; each capability adds its own.
let registered: [any DomainCommand] = [
    NPSCommand(),
    MaturityCommand(),
]

let registeredMeasures: [String: Measure] = [:]
