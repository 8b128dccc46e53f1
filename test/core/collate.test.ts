// Vietnamese name order: a ă â b c d đ e ê …, tones after letters, numbers as numbers.
import { compareVietnamese } from '../../src/core';

describe('compareVietnamese', () => {
  const sorted = (names: string[]) => [...names].sort(compareVietnamese);

  it('orders letters as the Vietnamese alphabet', () => {
    expect(sorted(['Đông', 'Dương', 'Ân', 'Bình', 'Ăn', 'An', 'Ê', 'Ơ', 'Ô', 'O', 'Ư', 'U', 'E'])).toEqual([
      'An',
      'Ăn',
      'Ân',
      'Bình',
      'Dương',
      'Đông',
      'E',
      'Ê',
      'O',
      'Ô',
      'Ơ',
      'U',
      'Ư',
    ]);
  });

  it('puts tones after the letters: ma, mà, mả, mã, má, mạ, then mac', () => {
    expect(sorted(['mạ', 'má', 'mac', 'mã', 'mả', 'mà', 'ma'])).toEqual([
      'ma',
      'mà',
      'mả',
      'mã',
      'má',
      'mạ',
      'mac',
    ]);
  });

  it('compares numbers by value and ignores case and NFD', () => {
    expect(sorted(['Phường 10', 'Phường 2', 'Phường 1'])).toEqual(['Phường 1', 'Phường 2', 'Phường 10']);
    expect(compareVietnamese('Xã Hợp Thịnh'.normalize('NFD'), 'xã hợp thịnh')).toBe(0);
  });
});
