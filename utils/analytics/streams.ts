/**
 * Stream analytics for the plan (issue 4): monthly income and costs per
 * stream and layer, and what is read off them — trailing averages, real
 * return per dollar and per hour, the build phase of content and business
 * streams, and the coverage of expenses by passive income.
 *
 * Split by responsibility:
 *   streams-months.ts   "YYYY-MM" months at a fixed local offset, rounding
 *   streams-series.ts   monthlyStreamSeries: one pass over events and costs
 *   streams-reports.ts  streamReports, coverage
 * Amounts are integer minor units of the base currency throughout.
 */
export { monthOf, monthsEnding, monthStart } from './streams-months';
export { monthlyStreamSeries, type StreamSeriesInput } from './streams-series';
export { coverage, streamReports, type ReportStream, type StreamReportOptions } from './streams-reports';
