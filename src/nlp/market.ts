/**
 * Whether a Traditional-script article reports on the Hong Kong market
 * rather than Taiwan's: Hong Kong papers print codes without their leading
 * zeros (騰訊（0700）, 美團(3690)), which in a Taiwanese article would be
 * Taiwanese codes. Decided from the words only one market's reports use
 * (港股, 恒指, 按年, 招股, 孖展 … against 台股, 加權指數, 櫃買, 三大法人 …):
 * at least two Hong Kong words and more of them than Taiwanese ones.
 */
const HK = /港股|恒指|恒生指數|恒生指数|港元|港幣|港币|港交所|聯交所|联交所|藍籌|蓝筹|國指|国指|科指|北水|南向|孖展|招股|按年|按季|億港元|亿港元|萬港元|万港元|主板上市|沽空|收市/g;
const TW = /台股|臺股|加權指數|加权指数|櫃買|柜买|新台幣|新台币|台幣|台币|上市櫃|上市柜|三大法人|外資買超|外資賣超|集中市場|張數|成交值|億元台幣/g;

/** Whether the texts (an article's fields) read as Hong Kong market news. */
export function hongKongMarket(texts: readonly string[]): boolean {
  let hk = 0;
  let tw = 0;
  for (const t of texts) {
    hk += t.match(HK)?.length ?? 0;
    tw += t.match(TW)?.length ?? 0;
  }
  return hk >= 2 && hk > tw;
}
