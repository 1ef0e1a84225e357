import JsBarcode from 'jsbarcode';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './volunteers.module.css';

/**
 * The reference as a Code 128 barcode (product.md: printed on convocations, scanned at the desk). Code 128 encodes
 * `B-7F3K9QX2R` as is, and every desk scanner reads it.
 */
export function ReferenceBarcode({ reference }: { reference: string }) {
  const { t } = useTranslation();
  const svg = useRef<SVGSVGElement>(null);
  useEffect(() => {
    if (svg.current)
      JsBarcode(svg.current, reference, {
        format: 'CODE128',
        displayValue: true,
        height: 60,
        margin: 8,
        font: 'monospace',
      });
  }, [reference]);
  return (
    <figure className={styles.barcode}>
      <svg ref={svg} role="img" aria-label={t('volunteers.barcodeLabel', { ref: reference })} />
    </figure>
  );
}
