import { describe, expect, it } from 'vitest';
import { arrondissementFromInsee, arrondissementFromPostcode, missionPlace } from '../../../shared/domain/paris';

describe('Paris geography', () => {
  it('maps postcodes to arrondissements by table, 75116 and 75016 both to the 16th', () => {
    expect(arrondissementFromPostcode('75016')).toEqual({ number: 16, insee: '75116', sector: '16' });
    expect(arrondissementFromPostcode('75116')).toEqual({ number: 16, insee: '75116', sector: '16' });
    expect(arrondissementFromPostcode('75001')?.insee).toBe('75101');
    expect(arrondissementFromPostcode('75020')?.insee).toBe('75120');
  });

  it('maps CEDEX and outside codes to no arrondissement', () => {
    for (const postcode of ['75700', '75743', '75021', '75000', '92100', '94300']) {
      expect(arrondissementFromPostcode(postcode), postcode).toBeNull();
    }
  });

  it('puts arrondissements 1–4 in the Paris Centre sector', () => {
    expect([1, 2, 3, 4].map((n) => arrondissementFromInsee(String(75100 + n))?.sector)).toEqual(
      Array(4).fill('Paris Centre'),
    );
    expect(arrondissementFromInsee('75105')?.sector).toBe('5');
    expect(arrondissementFromInsee('75056')).toBeNull();
  });

  it('gives a mission’s INSEE code and sector for the export', () => {
    expect(missionPlace({ arrondissementInsee: null, postcode: '75116' })).toEqual({
      arrondissementInsee: '75116',
      sector: '16',
    });
    expect(missionPlace({ arrondissementInsee: '75103', postcode: null })).toEqual({
      arrondissementInsee: '75103',
      sector: 'Paris Centre',
    });
    // Outside Paris: the commune's code, no sector.
    expect(missionPlace({ arrondissementInsee: '92012', postcode: '92100' })).toEqual({
      arrondissementInsee: '92012',
      sector: null,
    });
    expect(missionPlace({ arrondissementInsee: null, postcode: null })).toEqual({
      arrondissementInsee: null,
      sector: null,
    });
    expect(missionPlace({ arrondissementInsee: null, postcode: '75700' })).toEqual({
      arrondissementInsee: null,
      sector: null,
    });
  });
});
