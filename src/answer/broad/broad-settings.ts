import { z } from 'zod'
import fitted from '../../../data/broad-settings.json' with { type: 'json' }

/** The fitted settings of the broad-question answerer, with the data they were fitted on. */
export const BroadSettingsSchema = z.strictObject({
  /** How list items are chosen. */
  list: z.strictObject({
    /** An item must score at least this share of the best item. */
    shareOfBest: z.number().min(0).max(1),
    /** At most this many items. */
    maxItems: z.number().int().min(1),
  }),
  /** The development questions the settings were fitted on: count and sha256 of their file. */
  fittedOn: z.strictObject({ dataset: z.string(), questions: z.number().int(), sha256: z.string(), pointRecall: z.number(), citationPrecision: z.number() }),
})
export type BroadSettings = z.infer<typeof BroadSettingsSchema>

/** The settings `npm run eval -- --broad --fit` wrote to data/broad-settings.json. */
export const BROAD_SETTINGS: BroadSettings = BroadSettingsSchema.parse(fitted)
