export interface Catalog {
  sv: Record<string, string>;
  en: Record<string, string>;
}
