import type { Topology } from 'topojson-specification';
import atlas from 'world-atlas/countries-110m.json';
import { worldGeoJson } from './world-map';

describe('worldGeoJson', () => {
  const world = worldGeoJson(atlas as unknown as Topology);

  it('turns every country of the atlas but Antarctica into a feature', () => {
    expect(world.type).toBe('FeatureCollection');
    expect(world.features).toHaveLength(176);
    expect(world.features.some((country) => country.id === '010')).toBe(false);
  });

  it('keeps shapes across the antimeridian on one side (Fiji)', () => {
    const fiji = world.features.find((country) => country.id === '242');
    const longitudes = JSON.stringify(fiji?.geometry).match(/-?\d+(\.\d+)?(?=,-?\d)/g) ?? [];
    expect(longitudes.length).toBeGreaterThan(0);
    expect(longitudes.every((lon) => Number(lon) > 0)).toBe(true);
  });

  it('names countries by the alpha-3 code of their ISO numeric code', () => {
    const byId = new Map(world.features.map((country) => [country.id, country.properties.name]));
    expect(byId.get('404')).toBe('KEN');
    expect(byId.get('250')).toBe('FRA');
    expect(byId.get('076')).toBe('BRA');
  });

  it('matches most of the 195 States, and leaves shapes that are none unnamed', () => {
    const named = world.features.filter((country) => country.properties.name !== '');
    expect(named.length).toBeGreaterThan(160);
    // Western Sahara is no State of the list.
    expect(world.features.find((country) => country.id === '732')?.properties.name).toBe('');
  });
});
