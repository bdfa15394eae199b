/** "1 free seat", "6 free seats". */
export function freeSeatsText(freeSeats: number): string {
  return `${freeSeats} free ${freeSeats === 1 ? 'seat' : 'seats'}`;
}
