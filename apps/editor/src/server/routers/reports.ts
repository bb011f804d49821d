/**
 * Reports, one router per part of their life (reports/): finding and
 * reading them, drafting, review, publishing, correcting, the reporting cycle. Merged
 * into one, so the client's paths stay trpc.reports.<procedure>; a name
 * given twice is an error when the server starts.
 */
import { mergeRouters } from '../trpc.ts';
import { correctionsRouter } from './reports/corrections.ts';
import { cycleRouter } from './reports/cycle.ts';
import { draftingRouter } from './reports/drafting.ts';
import { listingRouter } from './reports/listing.ts';
import { publishingRouter } from './reports/publishing.ts';
import { reviewRouter } from './reports/review.ts';

export const reportsRouter = mergeRouters(
  listingRouter,
  draftingRouter,
  reviewRouter,
  publishingRouter,
  correctionsRouter,
  cycleRouter,
);
