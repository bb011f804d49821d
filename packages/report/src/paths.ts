/** Where a published report lives under the content directory: `reports/<unit>/<period>.md`. */
export function reportPath(unit: string, period: string): string {
  return `reports/${unit}/${period}.md`;
}
