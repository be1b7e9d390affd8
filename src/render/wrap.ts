// Word wrapping for paper: the printed checklist must fit 80 columns.
export function wrap(text: string, width: number, indent = ''): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const candidate = line === '' ? w : `${line} ${w}`;
    if ((indent + candidate).length <= width || line === '') {
      line = candidate;
      // A single word longer than the line is cut, so no line ever passes the width.
      while ((indent + line).length > width) {
        const room = Math.max(1, width - indent.length);
        lines.push(indent + line.slice(0, room));
        line = line.slice(room);
      }
    } else {
      lines.push(indent + line);
      line = w;
    }
  }
  if (line !== '') lines.push(indent + line);
  return lines.length ? lines : [indent.trimEnd()];
}
