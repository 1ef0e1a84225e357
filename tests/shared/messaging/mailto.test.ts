import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../../shared/security/external-url';
import {
  encodeMailtoText,
  fillTemplate,
  MAILTO_MAX_LENGTH,
  mailtoBatches,
  personalMailto,
  PLACEHOLDERS,
  type PlaceholderValues,
} from '../../../shared/messaging';

/** `mailto:` batches: Bcc, each URL under the limit, every address exactly once. */

const TO = 'contact@asso-climat.fr';
const local = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 64 }).filter((s) => !/[\s@,]/u.test(s));
const address = fc
  .tuple(local, fc.domain(), fc.boolean(), fc.string({ unit: 'grapheme', minLength: 0, maxLength: 200 }))
  .map(([user, domain, long, tail]) =>
    long ? `${user}${tail.replace(/[\s@,]/gu, '')}@${domain}` : `${user}@${domain}`,
  );

function bccOf(url: string): string[] {
  const query = url.slice(url.indexOf('?') + 1);
  const bcc = query.split('&').find((field) => field.startsWith('bcc='));
  return bcc ? bcc.slice(4).split(',').map(decodeURIComponent) : [];
}

describe('mailto batches', () => {
  it('never exceeds the limit and puts every distinct address in exactly one batch, or in unsendable (property)', () => {
    fc.assert(
      fc.property(
        fc.array(address, { maxLength: 150 }),
        fc.string({ unit: 'grapheme', maxLength: 80 }),
        fc.string({ unit: 'grapheme', maxLength: 600 }),
        (addresses, subject, body) => {
          const withRepeats = [...addresses, ...addresses.slice(0, 5).map((a) => a.toUpperCase())];
          const plan = mailtoBatches({ to: TO, bcc: withRepeats, subject, body });
          const sent: string[] = [];
          for (const batch of plan.batches) {
            expect(batch.url.length).toBeLessThanOrEqual(MAILTO_MAX_LENGTH);
            expect(batch.url.startsWith(`mailto:${TO}?bcc=`)).toBe(true);
            // What the URL carries is what the batch says it carries.
            expect(bccOf(batch.url)).toEqual(batch.addresses);
            sent.push(...batch.addresses);
          }
          const everyone = [...sent, ...plan.unsendable].map((a) => a.toLowerCase());
          expect(new Set(everyone).size).toBe(everyone.length);
          const expected = new Set(withRepeats.map((a) => a.trim().toLowerCase()).filter((a) => a !== '' && a !== TO));
          expect(new Set(everyone)).toEqual(expected);
          // An unsendable address really cannot fit alone.
          for (const alone of plan.unsendable) {
            expect(
              mailtoBatches({ to: TO, bcc: [alone], subject, body }, Infinity).batches[0]!.url.length,
            ).toBeGreaterThan(MAILTO_MAX_LENGTH);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('splits 300 ordinary addresses into several batches, each accepted by the shell allow-list', () => {
    const addresses = Array.from({ length: 300 }, (_, i) => `benevole.${i}@exemple.fr`);
    const plan = mailtoBatches({ to: TO, bcc: addresses, subject: 'Rappel', body: 'Bonjour,\nà samedi' });
    expect(plan.batches.length).toBeGreaterThan(3);
    expect(plan.batches.flatMap((batch) => batch.addresses)).toEqual(addresses);
    for (const batch of plan.batches) expect(isAllowedExternalUrl(batch.url)).toBe(true);
  });

  it('keeps the association out of Bcc and counts repeats', () => {
    const plan = mailtoBatches({ to: TO, bcc: ['a@x.fr', 'A@X.fr ', TO, ''], subject: '', body: '' });
    expect(plan.batches).toEqual([{ url: `mailto:${TO}?bcc=a@x.fr`, addresses: ['a@x.fr'] }]);
    expect(plan.duplicates).toBe(2);
  });
});

describe('encoding of a filled template', () => {
  it('gives every placeholder, accents and CRLF line breaks as %0D%0A', () => {
    const values: PlaceholderValues = {
      prenom: 'Zoé',
      nom: 'Lefèvre-Çelik',
      mission: 'Nettoyage & tri : « canal »',
      date: 'samedi 28 mars 2026',
      heure_debut: '09:30',
      heure_fin: '12:00',
      lieu: 'Quai de Valmy',
      adresse: '10 rue de l’Écluse 75010',
      a_apporter: 'gants, eau?',
      contact: 'contact@asso-climat.fr',
    };
    const body = PLACEHOLDERS.map((name) => `${name}={${name}}`).join('\n') + '\r\nfin\rÉ';
    const filled = fillTemplate(body, values);
    if (!filled.ok) throw new Error('not filled');
    const plan = mailtoBatches({ to: TO, bcc: ['zoe@exemple.fr'], subject: 'Rappel : {mission}', body: filled.text });
    const url = plan.batches[0]!.url;
    expect(url).toBe(
      `mailto:${TO}?bcc=zoe@exemple.fr&subject=Rappel%20%3A%20%7Bmission%7D&body=` +
        'prenom%3DZo%C3%A9%0D%0A' +
        'nom%3DLef%C3%A8vre-%C3%87elik%0D%0A' +
        'mission%3DNettoyage%20%26%20tri%20%3A%20%C2%AB%20canal%20%C2%BB%0D%0A' +
        'date%3Dsamedi%2028%20mars%202026%0D%0A' +
        'heure_debut%3D09%3A30%0D%0A' +
        'heure_fin%3D12%3A00%0D%0A' +
        'lieu%3DQuai%20de%20Valmy%0D%0A' +
        'adresse%3D10%20rue%20de%20l%E2%80%99%C3%89cluse%2075010%0D%0A' +
        'a_apporter%3Dgants%2C%20eau%3F%0D%0A' +
        'contact%3Dcontact%40asso-climat.fr%0D%0A' +
        'fin%0D%0A%C3%89',
    );
    // A URL parser reads back exactly the text, line breaks as CRLF.
    const parsed = new URL(url);
    expect(parsed.searchParams.get('body')).toBe(filled.text.replace(/\r\n|\r|\n/g, '\r\n'));
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it('encodes any text so that it decodes back with CRLF line breaks (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const encoded = encodeMailtoText(text);
        expect(encoded).not.toMatch(/[\s&=?#,]/u);
        expect(decodeURIComponent(encoded)).toBe(text.replace(/\r\n|\r|\n/g, '\r\n'));
      }),
    );
  });
});

describe('personal mailto', () => {
  it('addresses one person directly, with accents and line breaks encoded, and the allow-list accepts it', () => {
    const link = personalMailto({ to: 'zoe@exemple.fr', subject: 'Rappel : Zoé', body: 'Bonjour Zoé,\nà demain !' });
    expect(link).toBe(
      `mailto:zoe@exemple.fr?subject=${encodeURIComponent('Rappel : Zoé')}&body=${encodeURIComponent('Bonjour Zoé,\r\nà demain !')}`,
    );
    expect(isAllowedExternalUrl(link!)).toBe(true);
    expect(new URL(link!).searchParams.get('body')).toBe('Bonjour Zoé,\r\nà demain !');
  });

  it('is null rather than cut when the message would pass the limit', () => {
    expect(personalMailto({ to: 'zoe@exemple.fr', subject: '', body: 'é'.repeat(MAILTO_MAX_LENGTH) })).toBeNull();
  });
});
