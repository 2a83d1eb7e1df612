import { benchAnalyse } from './analyse';
import { fullArticles } from './corpus';
const r = await benchAnalyse(fullArticles(1.5 * 1048576));
console.log(JSON.stringify({ analyse: r.analyse, rawPlain: r.rawPlain, rawTagger: r.rawTagger, ratioPlain: r.ratioPlain, ratioTagger: r.ratioTagger }));
