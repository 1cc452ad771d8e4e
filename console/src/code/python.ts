/**
 * A small Python highlighter for strategy sources: it splits the text into tokens (comments,
 * strings including triple-quoted and prefixed ones, numbers, keywords, builtins, decorators and
 * the names after def/class) that the view renders as spans with text content, never as HTML, so a
 * hostile source cannot inject markup. Joining the tokens' text gives the source back unchanged.
 */
export type Kind = 'comment' | 'string' | 'number' | 'keyword' | 'builtin' | 'decorator' | 'name' | 'text';
export interface Token { kind: Kind; text: string }

const KEYWORDS = new Set(('False None True and as assert async await break class continue def del elif else except '
  + 'finally for from global if import in is lambda nonlocal not or pass raise return try while with yield match case').split(' '));
const BUILTINS = new Set(('abs all any bool dict enumerate filter float getattr hasattr int isinstance len list map max '
  + 'min print range round self set sorted str sum super tuple type zip cls').split(' '));

/** One alternative per token kind; the first that matches at the current position wins. */
const TOKEN = new RegExp([
  '(#[^\\n]*)',                                                              // 1 comment
  '((?:[rRbBuUfF]{1,2})?(?:"""[\\s\\S]*?(?:"""|$)|\'\'\'[\\s\\S]*?(?:\'\'\'|$)|"(?:[^"\\\\\\n]|\\\\.)*"?|\'(?:[^\'\\\\\\n]|\\\\.)*\'?))', // 2 string
  '(\\b(?:0[xX][0-9a-fA-F_]+|\\d[\\d_]*(?:\\.\\d[\\d_]*)?(?:[eE][+-]?\\d+)?|\\.\\d+)\\b)', // 3 number
  '(@[A-Za-z_][\\w.]*)',                                                     // 4 decorator
  '([A-Za-z_]\\w*)',                                                         // 5 word
].join('|'), 'g');

export function highlight(source: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  let afterDefinition = false;
  const push = (kind: Kind, text: string) => {
    const previous = tokens[tokens.length - 1];
    if (previous && previous.kind === kind && kind === 'text') previous.text += text;
    else tokens.push({ kind, text });
  };
  for (const match of source.matchAll(TOKEN)) {
    const at = match.index ?? 0;
    if (at > last) push('text', source.slice(last, at));
    const [text, comment, string, number, decorator, word] = match;
    if (comment) push('comment', text);
    else if (string) push('string', text);
    else if (number) push('number', text);
    else if (decorator) push('decorator', text);
    else if (word) {
      if (afterDefinition) push('name', text);
      else if (KEYWORDS.has(text)) push('keyword', text);
      else if (BUILTINS.has(text)) push('builtin', text);
      else push('text', text);
      afterDefinition = text === 'def' || text === 'class';
      last = at + text.length;
      continue;
    }
    afterDefinition = false;
    last = at + text.length;
  }
  if (last < source.length) push('text', source.slice(last));
  return tokens;
}
