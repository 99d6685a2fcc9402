/**
 * What the checks remember of the texts they read, to read a text met again at less cost: the last text each
 * generated pattern accepted, the words and the notes the personal-data rule read lately, the suggestions found
 * for values not known. Each such memory says here how it is forgotten, and every validation forgets them all
 * when it gives its result, or ends without one (a stream left unread or that failed), so that a process that
 * validated a file (a hub, the page's worker) keeps none of the file's texts once it is done.
 */

const forgetters: (() => void)[] = [];

/** Notes how a memory of texts read is forgotten. */
export function forgetWith(forget: () => void): void {
  forgetters.push(forget);
}

/**
 * Forgets every text the checks remember. The memories only spare work, so forgetting never changes what a
 * validation finds, even when another validation is still running.
 */
export function forgetTexts(): void {
  for (const forget of forgetters) forget();
  // The engine keeps the text of the last match of any regular expression (`RegExp.input`): the last is of nothing.
  nothing.test('');
}

const nothing = /(?:)/;
