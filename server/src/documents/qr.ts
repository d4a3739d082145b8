import QRCode from 'qrcode';

/**
 * Draws a QR code as vector squares straight from the qrcode package's module matrix, instead of
 * embedding a PNG: no image encoding and decoding per document (a demo exam prints a thousand of
 * them), and the code stays sharp at any print resolution. Each row's dark run is one rectangle,
 * so a renderer shows no seams between neighbouring modules.
 */
export function drawQrCode(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  size: number,
): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  // The quiet zone (4 modules on each side) is part of the drawn size: scanners need it.
  const quiet = 4;
  const cell = size / (modules.size + 2 * quiet);
  doc.save();
  doc.rect(x, y, size, size).fill('#ffffff');
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      doc.rect(x + (quiet + start) * cell, y + (quiet + row) * cell, (col - start) * cell, cell);
    }
  }
  doc.fill('#000000');
  doc.restore();
}
