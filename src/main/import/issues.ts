import type { ImportIssue } from '../../shared/contract-areas/receiving'

/** The report lists at most this many problems (the count is exact). */
export const MAX_LISTED_ERRORS = 10_000

/**
 * The problems of one import, bounded: every problem is counted, but only the `cap` with the lowest
 * row numbers are kept (a file of two million bad rows must not hold two million messages).
 */
export class IssueList {
  private kept: ImportIssue[] = []
  private total = 0
  constructor(private readonly cap = MAX_LISTED_ERRORS) {}

  push(...issues: ImportIssue[]): number {
    for (const issue of issues) {
      this.kept.push(issue)
      this.total++
      if (this.kept.length >= this.cap * 2) this.trim()
    }
    return this.total
  }

  get length(): number {
    return this.total
  }

  /** The kept problems, sorted by row (stable: the order they were found within a row). */
  list(): ImportIssue[] {
    this.trim()
    return this.kept.slice()
  }

  private trim() {
    this.kept.sort((a, b) => a.row - b.row)
    if (this.kept.length > this.cap) this.kept.length = this.cap
  }
}
