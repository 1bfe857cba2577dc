// The 43 police force areas of England and Wales. Each synthetic plan belongs to one area and a
// made-up office named after it; nothing here is any real office's data.
export const POLICE_FORCE_AREAS: readonly string[] = [
  'Avon and Somerset',
  'Bedfordshire',
  'Cambridgeshire',
  'Cheshire',
  'City of London',
  'Cleveland',
  'Cumbria',
  'Derbyshire',
  'Devon and Cornwall',
  'Dorset',
  'Durham',
  'Dyfed-Powys',
  'Essex',
  'Gloucestershire',
  'Greater Manchester',
  'Gwent',
  'Hampshire',
  'Hertfordshire',
  'Humberside',
  'Kent',
  'Lancashire',
  'Leicestershire',
  'Lincolnshire',
  'Merseyside',
  'Metropolitan',
  'Norfolk',
  'North Wales',
  'North Yorkshire',
  'Northamptonshire',
  'Northumbria',
  'Nottinghamshire',
  'South Wales',
  'South Yorkshire',
  'Staffordshire',
  'Suffolk',
  'Surrey',
  'Sussex',
  'Thames Valley',
  'Warwickshire',
  'West Mercia',
  'West Midlands',
  'West Yorkshire',
  'Wiltshire',
];

/** The area of the `index`th synthetic plan; past 43 the areas repeat with a number. */
export function areaOf(index: number): { name: string; slug: string } {
  const base = POLICE_FORCE_AREAS[index % POLICE_FORCE_AREAS.length] as string;
  const round = Math.floor(index / POLICE_FORCE_AREAS.length);
  const name = round === 0 ? base : `${base} ${round + 1}`;
  return { name, slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-') };
}
