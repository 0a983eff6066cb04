import RealizeQuery

// One line per command and per measure set; each capability adds its own.
let registered: [any DomainCommand] = []

let registeredMeasures: [String: Measure] = [:]
