import { ISO_NUMERIC } from '@convene/contracts';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { EchartsCore } from './echart.component';

/** Where the build copies world-atlas's countries at 1:110m (apps/web/project.json, assets). */
export const WORLD_ATLAS_URL = 'geo/countries-110m.json';
/** The name the map is registered under in echarts. */
export const WORLD_MAP = 'convene-world';

const ALPHA3_BY_NUMERIC = new Map(
  Object.entries(ISO_NUMERIC).map(([alpha3, numeric]) => [numeric, alpha3]),
);

type CountryProperties = { name: string };

const ANTARCTICA = '010';

type Position = number[];

/**
 * A ring that crosses the antimeridian (Fiji, Russia's far east) would be drawn across the whole
 * map: its western longitudes move past 180° instead, beside the rest of the shape.
 */
function unwrapRing(ring: Position[]): Position[] {
  const crosses = ring.some(([lon = 0]) => lon < -170) && ring.some(([lon = 0]) => lon > 170);
  return crosses ? ring.map(([lon = 0, lat = 0]) => [lon < 0 ? lon + 360 : lon, lat]) : ring;
}

function unwrapped(geometry: Geometry): Geometry {
  if (geometry.type === 'Polygon') {
    return { ...geometry, coordinates: geometry.coordinates.map(unwrapRing) };
  }
  if (geometry.type === 'MultiPolygon') {
    return {
      ...geometry,
      coordinates: geometry.coordinates.map((polygon) => polygon.map(unwrapRing)),
    };
  }
  return geometry;
}

/**
 * world-atlas's TopoJSON as GeoJSON for the map series, each country named by the alpha-3 code of
 * the State whose ISO 3166 numeric code it carries (the id), so the series' data (by code) finds
 * it; shapes that are no State of the list (Antarctica, territories) keep an empty name and are
 * drawn without a figure.
 */
export function worldGeoJson(topology: Topology): FeatureCollection<Geometry, CountryProperties> {
  const countries = topology.objects['countries'] as GeometryCollection;
  const collection = feature(topology, countries) as FeatureCollection<Geometry, unknown>;
  return {
    type: 'FeatureCollection',
    // Antarctica is no State and would take a third of the height.
    features: collection.features
      .filter((country) => country.id !== ANTARCTICA)
      .map(
        (country): Feature<Geometry, CountryProperties> => ({
          type: 'Feature',
          id: country.id,
          geometry: unwrapped(country.geometry),
          properties: { name: ALPHA3_BY_NUMERIC.get(String(country.id ?? '')) ?? '' },
        }),
      ),
  };
}

/** Registers the world once per echarts module. */
export function registerWorld(echarts: EchartsCore, topology: Topology): void {
  if (echarts.getMap(WORLD_MAP)) return;
  echarts.registerMap(WORLD_MAP, worldGeoJson(topology) as never);
}
