/*
 * Shapes the API answers with that src-shared does not export yet.
 * TODO: replace each with its @shared/contracts type once the backend publishes one.
 */

/** POST /jobs/estimate → what a brief would cost, shown before submitting. */
export interface CostEstimate {
  estimated_cost_usd: number
  budget_usd: number
}
