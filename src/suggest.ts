/**
 * "Did you mean" suggestions for mistyped names, such as a rule id in a configuration file
 * or a directive.
 */

/** The name nearest to a mistyped one by edit distance, when it is close enough to be a typo. */
export function closestId(id: string, ids: Iterable<string>): string | undefined {
  let best: string | undefined;
  // Allow about one edit per four characters, and at least two.
  let bestDistance = Math.max(2, Math.floor(id.length / 4)) + 1;
  for (const candidate of ids) {
    const distance = editDistance(id, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance: insertions, deletions and substitutions each cost one. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
