// ml-logistic-regression ships no types; this is the part `npm run train` uses.
declare module 'ml-logistic-regression' {
  import type { Matrix } from 'ml-matrix'
  export default class LogisticRegression {
    constructor(options?: { numSteps?: number; learningRate?: number })
    classifiers: unknown[]
    train(features: Matrix, target: Matrix): void
    predict(features: Matrix): number[]
  }
}
