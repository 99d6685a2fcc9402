/** The categories of a breakdown as a message shows them: `sex female, ageGroup <18`. */
export function categories(given: unknown): string {
  return Object.entries((given ?? {}) as Record<string, string>)
    .map(([dimension, category]) => `${dimension} ${category}`)
    .join(', ');
}
