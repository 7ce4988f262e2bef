import { parseCsv } from './csv';

describe('parseCsv', () => {
  it('detects ";" and keeps French decimal commas inside cells', () => {
    const { separator, records } = parseCsv('\uFEFFindicateur;territoire;annee;valeur\nFIBRE;91228;2024;87,5\r\n\nFIBRE;91223;2024;60\n');
    expect(separator).toBe(';');
    expect(records).toEqual([
      { line: 1, cells: ['indicateur', 'territoire', 'annee', 'valeur'] },
      { line: 2, cells: ['FIBRE', '91228', '2024', '87,5'] },
      { line: 4, cells: ['FIBRE', '91223', '2024', '60'] },
    ]);
  });

  it('reads "," files with quoted decimals, doubled quotes and line breaks', () => {
    const { separator, records } = parseCsv('indicator,territory,year,value,source\nA,1,2024,"12,5","Rapport ""annuel""\nligne 2"\nB,2,2023,3,x');
    expect(separator).toBe(',');
    expect(records[1]).toEqual({ line: 2, cells: ['A', '1', '2024', '12,5', 'Rapport "annuel"\nligne 2'] });
    expect(records[2]).toEqual({ line: 4, cells: ['B', '2', '2023', '3', 'x'] });
  });
});
