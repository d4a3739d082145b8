/**
 * Lists as people read them: sorted by the name they see, with the collator of the screen's
 * language (Kazakh letters Ә, Ғ, Қ, Ң, Ө, Ұ, Ү, Һ, І in their places; numbers in numeric order).
 */
export function byName<T>(items: readonly T[], name: (item: T) => string, lang: string): T[] {
  const collator = new Intl.Collator(
    lang === 'kk' || lang === 'ru' || lang === 'en' ? lang : 'ru',
    {
      numeric: true,
      sensitivity: 'base',
    },
  );
  return [...items].sort((a, b) => collator.compare(name(a), name(b)));
}
