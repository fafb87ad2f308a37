import { geoCentroid, geoPath, geoTransverseMercator } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import { ReactNode, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import topologyJson from '../../assets/finland-wellbeing-counties.topo.json';

interface AreaProperties {
  county_code: string;
  name_fi: string;
  name_sv: string;
}

/** What the map shows of one county; the page decides the colour, the name and the details. */
export interface MapCounty {
  name: string;
  /** Null: no figure, drawn with the no-data hatch. */
  fill: string | null;
  /** The area's accessible name: the county and its value. */
  label: string;
  details: ReactNode;
}

const topology = topologyJson as unknown as Topology<{ hva: GeometryCollection<AreaProperties> }>;
/** The areas on the map (22: 21 wellbeing services counties and the City of Helsinki). */
export const AREA_COUNT = topology.objects.hva.geometries.length;
const WIDTH = 400;
const PADDING = 4;

/**
 * The 22 wellbeing services counties projected once: transverse Mercator on 27°E (the meridian of
 * Finland's national grid, ETRS-TM35FIN), so the country stands upright without the Mercator stretch
 * in the north.
 */
function useShapes() {
  return useMemo(() => {
    const collection = feature(topology, topology.objects.hva);
    const areas = { ...collection, features: collection.features.map(withoutAland) };
    const projection = geoTransverseMercator()
      .rotate([-27, 0])
      .fitWidth(WIDTH - 2 * PADDING, areas);
    const path = geoPath(projection);
    const [, [, bottom]] = path.bounds(areas);
    const shapes = areas.features.map((area) => {
      const [x, y] = path.centroid(area);
      return { code: area.properties.county_code, fallbackName: area.properties.name_fi, d: path(area) ?? '', x: x + PADDING, y: y + PADDING };
    });
    return { shapes, height: Math.ceil(bottom) + 2 * PADDING };
  }, []);
}

/**
 * A choropleth of the counties. Each area is focusable and named (county and value); hovering or
 * focusing one shows its figures in a tooltip that the pointer can move onto and Esc dismisses.
 */
export function CountyMap({ label, counties, credit, noDataLabel }: { label: string; counties: Record<string, MapCounty>; credit: string; noDataLabel: string }) {
  const { shapes, height } = useShapes();
  const id = useId();
  const [hovered, setHovered] = useState<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState(false);
  const [scale, box] = useScale();
  const active = hovered ?? focused;
  const activeShape = shapes.find((s) => s.code === active);
  const shown = activeShape && counties[activeShape.code] && !dismissed ? activeShape : undefined;
  // Keyboard order follows the names, as in the table, not the order of the map file.
  const ordered = useMemo(() => [...shapes].sort((a, b) => (counties[a.code]?.name ?? a.fallbackName).localeCompare(counties[b.code]?.name ?? b.fallbackName)), [shapes, counties]);
  useEffect(() => setDismissed(false), [active]);

  return (
    <div className="county-map" ref={box} onMouseLeave={() => setHovered(null)} onKeyDown={(e) => e.key === 'Escape' && setDismissed(true)}>
      <svg role="group" aria-label={label} viewBox={`0 0 ${WIDTH} ${height}`} width="100%">
        <defs>
          <pattern id={`${id}-nodata`} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#f1f3f5" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#6b7785" strokeWidth="2" />
          </pattern>
        </defs>
        <g transform={`translate(${PADDING},${PADDING})`}>
          {ordered.map((shape) => {
            const county = counties[shape.code];
            return (
              <path
                key={shape.code}
                d={shape.d}
                className="county"
                fill={county?.fill ?? `url(#${id}-nodata)`}
                role="img"
                tabIndex={0}
                aria-label={county?.label ?? `${shape.fallbackName}: ${noDataLabel}`}
                aria-describedby={shown?.code === shape.code ? `${id}-tooltip` : undefined}
                onMouseEnter={() => setHovered(shape.code)}
                onFocus={() => setFocused(shape.code)}
                onBlur={() => setFocused((current) => (current === shape.code ? null : current))}
              />
            );
          })}
          {/* Drawn last so the outline of the active county is not hidden under its neighbours. */}
          {activeShape && <path d={activeShape.d} className={`county-outline${focused === activeShape.code ? ' focused' : ''}`} aria-hidden="true" />}
        </g>
      </svg>
      {shown && (
        <div
          role="tooltip"
          id={`${id}-tooltip`}
          className="county-tooltip"
          style={{
            ...(shown.x < WIDTH / 2 ? { left: (shown.x + 12) * scale } : { right: (WIDTH - shown.x + 12) * scale }),
            ...(shown.y < height / 2 ? { top: shown.y * scale } : { bottom: (height - shown.y) * scale }),
          }}
        >
          {counties[shown.code].details}
        </div>
      )}
      <p className="map-credit">{credit}</p>
    </div>
  );
}

/**
 * The map file draws the Åland Islands as part of the City of Helsinki's area. Åland belongs to no
 * wellbeing services county (it runs its own services), so its islands (west of 21.1°E, south of
 * 60.6°N) are left out rather than coloured with Helsinki's figures.
 */
function withoutAland<P>(area: Feature<Geometry, P>): Feature<Geometry, P> {
  if (area.geometry.type !== 'MultiPolygon') return area;
  const coordinates = area.geometry.coordinates.filter((polygon) => {
    const [longitude, latitude] = geoCentroid({ type: 'Polygon', coordinates: polygon });
    return !(longitude < 21.1 && latitude < 60.6);
  });
  return { ...area, geometry: { ...area.geometry, coordinates } };
}

/** Pixels per unit of the map's viewBox, followed as the layout changes (the tooltip is placed in pixels). */
function useScale(): [number, (element: HTMLDivElement | null) => void] {
  const [scale, setScale] = useState(1);
  const observer = useRef<ResizeObserver | null>(null);
  const box = useCallback((element: HTMLDivElement | null) => {
    observer.current?.disconnect();
    if (!element) return;
    observer.current = new ResizeObserver(([entry]) => setScale(entry.contentRect.width / WIDTH));
    observer.current.observe(element);
  }, []);
  return [scale, box];
}
