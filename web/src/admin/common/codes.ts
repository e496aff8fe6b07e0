/**
 * Stable codes for new values, suggested from the label a marketer types: the API wants codes in
 * ASCII capitals (`[A-Z0-9_]`), labels come in any of the five UI languages. Latin letters lose
 * their accents, Cyrillic is transliterated, everything else becomes `_`.
 */
const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  // Letters NFD does not split into a base letter and an accent.
  ł: 'l',
  đ: 'd',
  ß: 'ss',
  æ: 'ae',
  ø: 'o',
  œ: 'oe',
};

/** "Réseaux sociaux" -> "RESEAUX_SOCIAUX", "Выставка" -> "VYSTAVKA"; `fallback` when nothing is left. */
export function codeFromLabel(label: string, maxLength = 40, fallback = 'VALUE'): string {
  const latin = [...label.toLowerCase()]
    .map((c) => CYRILLIC[c] ?? c)
    .join('')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  const code = latin
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+/, '')
    .slice(0, maxLength)
    .replace(/_+$/, '');
  return code || fallback;
}

/** `code`, or `code_2`, `code_3`… whichever is not taken yet (still at most `maxLength` long). */
export function uniqueCode(code: string, taken: Iterable<string>, maxLength = 64): string {
  const used = new Set(taken);
  if (!used.has(code)) return code;
  for (let n = 2; ; n++) {
    const suffix = `_${n}`;
    const candidate = code.slice(0, maxLength - suffix.length) + suffix;
    if (!used.has(candidate)) return candidate;
  }
}

/** A custom field's code: `UF_` and the label's code (the API allows 61 characters after it). */
export function fieldCodeFromLabel(label: string, taken: Iterable<string>): string {
  return uniqueCode(`UF_${codeFromLabel(label, 50, 'FIELD')}`, taken, 64);
}
