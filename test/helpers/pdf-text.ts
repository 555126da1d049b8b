/** What a reader of a generated PDF sees, as text (pdf-parse), without white space: lines break wherever the layout puts them. */
import { PDFParse } from 'pdf-parse';

/** The text of each page. */
export async function pdfPages(bytes: Buffer): Promise<string[]> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    return (await parser.getText()).pages.map((p) => p.text.replace(/\s+/g, ''));
  } finally {
    await parser.destroy();
  }
}

export async function pdfText(bytes: Buffer): Promise<string> {
  return (await pdfPages(bytes)).join('');
}
