// Counted nouns as Russian writes them: plural(5, "строка", "строки", "строк") is "строк" (graph/russian.py's rule).
"use strict";
window.plural = function (count, one, few, many) {
  const tens = count % 100, units = count % 10;
  if (tens >= 11 && tens <= 14) return many;
  if (units === 1) return one;
  if (units >= 2 && units <= 4) return few;
  return many;
};
