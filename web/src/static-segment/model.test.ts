import { describe, expect, it } from 'vitest';
import { afterRemoval, countLines, currentCursor, firstPage, guessChannel, nextPage, ownerName, pageIndex, pageRange, previousPage, progressPercent } from './model';

describe('guessChannel', () => {
  it.each([
    ['anna@example.com', 'EMAIL'],
    ['  ANNA@Example.com ', 'EMAIL'],
    ['+48 601 234 567', 'PHONE'],
    ['(601) 234-567', 'PHONE'],
    ['601234567', 'PHONE'],
    ['@olaw', 'IM'],
    ['olaw', 'IM'],
    ['12', 'IM'],
  ] as const)('reads %j as %s', (address, channel) => {
    expect(guessChannel(address)).toBe(channel);
  });
});

describe('progressPercent', () => {
  it('is whole percent, clamped, and 100 for an import with no lines', () => {
    expect(progressPercent(0, 5017)).toBe(0);
    expect(progressPercent(2017, 5017)).toBe(40);
    expect(progressPercent(5017, 5017)).toBe(100);
    expect(progressPercent(6000, 5017)).toBe(100);
    expect(progressPercent(0, 0)).toBe(100);
  });
});

describe('countLines', () => {
  it('counts non-blank lines whatever the line ends', () => {
    expect(countLines('')).toBe(0);
    expect(countLines('a@b.pl\r\n\r\n  \nc@d.pl\rx')).toBe(3);
  });
});

describe('keyset page trail', () => {
  it('walks forwards and back, and steps back when a removal empties a later page', () => {
    let trail = firstPage();
    expect([pageIndex(trail), currentCursor(trail)]).toEqual([0, null]);
    trail = nextPage(trail, 'c1');
    trail = nextPage(trail, 'c2');
    expect([pageIndex(trail), currentCursor(trail)]).toEqual([2, 'c2']);
    trail = previousPage(trail);
    expect(currentCursor(trail)).toBe('c1');
    expect(afterRemoval(trail, 3)).toBe(trail);
    expect(currentCursor(afterRemoval(trail, 0))).toBeNull();
    expect(previousPage(firstPage())).toEqual(firstPage());
    expect(afterRemoval(firstPage(), 0)).toEqual(firstPage());
  });

  it('numbers the rows of a page', () => {
    expect(pageRange(0, 25)).toEqual({ from: 1, to: 25 });
    expect(pageRange(50, 3)).toEqual({ from: 51, to: 53 });
    expect(pageRange(0, 0)).toEqual({ from: 0, to: 0 });
  });
});

describe('ownerName', () => {
  it('takes a contact’s full name or a company’s or lead’s title', () => {
    expect(ownerName({ __typename: 'Contact', fullName: 'Anna Nowak' })).toBe('Anna Nowak');
    expect(ownerName({ __typename: 'Company', title: 'Acme' })).toBe('Acme');
    expect(ownerName({ __typename: 'Contact', fullName: ' ' })).toBeNull();
    expect(ownerName(null)).toBeNull();
  });
});
