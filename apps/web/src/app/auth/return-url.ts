/**
 * Only paths inside this app may be returned to after sign-in: "//evil.example"
 * or "https://…" would turn the sign-in page into an open redirect.
 */
export function safeReturnUrl(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//')) return null;
  if (value.startsWith('/\\') || value.startsWith('/sign-in')) return null;
  return value;
}
