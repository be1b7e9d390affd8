// Word wrapping for paper: the printed checklist must fit 80 columns.
export function wrap(text: string, width: number, indent = ''): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const candidate = line === '' ? w : `${line} ${w}`;
    if ((indent + candidate).length <= width || line === '') {
      line = candidate;
    } else {
      lines.push(indent + line);
      line = w;
    }
    // A single word longer than the line is cut, so no line ever passes the width (also when it
    // follows another word, which used to be printed whole). Pieces are taken by index and the
    // remainder sliced once: slicing the rest on every piece was quadratic.
    if ((indent + line).length > width) {
      const room = Math.max(1, width - indent.length);
      let at = 0;
      while (line.length - at > room) {
        lines.push(indent + line.slice(at, at + room));
        at += room;
      }
      line = line.slice(at);
    }
  }
  if (line !== '') lines.push(indent + line);
  return lines.length ? lines : [indent.trimEnd()];
}
