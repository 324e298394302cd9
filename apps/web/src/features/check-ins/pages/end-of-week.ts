/** The start of next Monday, local time: "due before the end of this week". */
export function endOfWeek(now: Date): Date {
  const end = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const daysToMonday = (8 - end.getDay()) % 7 || 7;
  end.setDate(end.getDate() + daysToMonday);
  return end;
}
