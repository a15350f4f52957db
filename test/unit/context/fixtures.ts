/** A small valid document that each test changes in one place. */
export function minimalDocument(): Record<string, any> {
  return {
    version: 1,
    id: 'essai',
    title: { fr: 'Essai', en: 'Test' },
    view: { center: [2.5, 46.5], zoom: 6 },
    layers: [
      {
        type: 'geojson',
        id: 'sites',
        title: 'Sites',
        url: 'https://example.org/sites.geojson',
        idField: 'code',
        fields: [
          { name: 'code', type: 'text' },
          { name: 'nom', label: 'Nom', type: 'text' },
          { name: 'surface', type: 'number' },
        ],
        style: { symbol: { marker: { shape: 'circle', radius: 5, fill: { color: '#336699' } } } },
      },
    ],
  };
}
