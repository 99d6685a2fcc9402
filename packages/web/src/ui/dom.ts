type Child = Node | string | number | null | undefined | false;
type Attribute = string | number | boolean | null | undefined | ((event: Event) => void);

/**
 * Creates an element: attributes by name (`false`/`null`/`undefined` left out, `true` as an empty
 * attribute), listeners as `onclick`-style functions, then the children.
 *
 * @example
 * ```ts
 * h('button', { type: 'button', onclick: () => cancel() }, 'Cancel');
 * ```
 */
export function h<Tag extends keyof HTMLElementTagNameMap>(tag: Tag, attributes: Record<string, Attribute> = {}, ...children: Child[]): HTMLElementTagNameMap[Tag] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value == null || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child == null || child === false) continue;
    element.append(typeof child === 'number' ? String(child) : child);
  }
  return element;
}

/**
 * Finds an element of the page by id, failing loudly when the page and the code disagree.
 *
 * @example
 * ```ts
 * const cancel = byId('cancel', HTMLButtonElement);
 * ```
 */
export function byId<Type extends HTMLElement>(id: string, type: new () => Type): Type {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`The page has no ${type.name} #${id}`);
  return element;
}

/**
 * Saves text (or bytes) as a file on this computer: the browser's own download, from memory, nothing sent.
 *
 * @example
 * ```ts
 * saveFile('issues.json', 'application/json', JSON.stringify(issues));
 * ```
 */
export function saveFile(name: string, type: string, content: string | Uint8Array): void {
  const url = URL.createObjectURL(new Blob([content as BlobPart], { type }));
  const link = h('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy once the click returns; the next task may free the memory.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
