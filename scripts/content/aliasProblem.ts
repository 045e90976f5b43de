/**
 * What is wrong with an alias, in an editor's words, or undefined if it is a plain old address.
 * An alias becomes one line of Netlify's `_redirects`, where `:name` and `*` are patterns that
 * capture whole families of addresses, `?` and spaces start other fields, and a full URL would
 * be another site's address. An alias must be one path on this site, as a browser requests it.
 */
export function aliasProblem(alias: string): string | undefined {
  const shown = JSON.stringify(alias);
  const example = 'e.g. "/2024/05/18/china-russia/"';
  if (/^[a-z][a-z0-9+.-]*:/i.test(alias) || alias.startsWith("//")) {
    return `${shown} is a full address; an alias is a path on this site, starting with a single /, ${example}`;
  }
  if (!alias.startsWith("/")) return `${shown} must start with /, ${example}`;
  if (/[\s\u0000-\u001f\u007f]/.test(alias)) return `${shown} contains a space or an invisible character; write the address as the browser shows it`;
  if (alias.includes("?")) return `${shown} has a query string (?…); an alias is one path, without ? or what follows it`;
  if (alias.includes("#")) return `${shown} has a #fragment, which browsers never send to the server; leave out the # and what follows it`;
  if (alias.includes("*")) return `${shown} has a * (a wildcard would send every matching address here); list each old address in full`;
  if (/(^|\/):/.test(alias)) {
    return `${shown} has a placeholder (a part starting with :), which would send every address of that shape here; list each old address in full`;
  }
  if (alias.includes("\\")) return `${shown} contains a backslash; addresses use / between their parts`;
  if (alias.split("/").some((part) => part === "." || part === "..")) return `${shown} has . or .. parts; write the address as the browser shows it`;
  return undefined;
}
