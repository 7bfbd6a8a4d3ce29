"""Benchmark hkqh's search against a bare rapidfuzz scan (the floor), real search engines and thefuzz.

Run from the repository root (``pip install -e ".[bench]"`` adds tantivy and bm25s; without them their columns are
left out):

    python benchmarks/search_bench.py            # 1k, 10k and 100k synthetic services, plus the bundled dataset
    python benchmarks/search_bench.py --quick    # 1k and 10k only, fewer repetitions
    python benchmarks/search_bench.py --write-json 10000 /tmp/services-10000.json   # a dataset for the other benchmarks

For each dataset it prints the time to build hkqh's index (and tantivy's) and the peak memory hkqh's build adds (on
Linux the resident memory a forked child adds while building, at every size; elsewhere Python allocations with
tracemalloc), then the median and 95th-percentile time per query, over a fixed set of queries, of:

- hkqh: ``SearchIndex.search(query)`` as the app calls it on a keystroke (no limit: every match is scored and ranked;
  folds the query, segments it, scores, ranks), then the first screen of results read with their highlights, as the
  results list does (a result is made when first read; rows past the screen are made when scrolled to). Each
  query starts afresh: the engine's memory of recent lookups (kept for the next keystroke) is cleared first;
- floor: ``rapidfuzz.process.extract(fold(query), strings, scorer=fuzz.partial_ratio, limit=None, score_cutoff=80)``
  over pre-folded strings holding the same texts hkqh searches (titles, aliases, summaries, eligibility, documents,
  steps; both languages), one string per service;
- tantivy and bm25s: BM25 engines over the same folded texts, tokenised as Lucene's CJKAnalyzer does (English words
  and overlapping pairs of Chinese characters), asked for the best 100 (they need a limit; no typos, no synonyms);
- thefuzz: ``thefuzz.process.extract(query, strings, limit=None)`` with its defaults, over the raw texts, for the
  first queries only (it is slow; the column says how many).

A second table times typing: three sentences typed key by key (each prefix searched, first screen read), once with
every lookup made afresh and once with the recent lookups kept between keystrokes, as the app keeps them.

The synthetic services are generated with a fixed seed from realistic Chinese (Hong Kong forms) and English words about
Qianhai services, with sizes close to the bundled entries (title about 15 Chinese characters and 65 English ones,
summary about 130 and 450, ten aliases, three eligibility items and three steps), plus generated place and company
names so that the vocabulary grows with the dataset as it would in real data.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import re
import statistics
import sys
import time
import tracemalloc
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rapidfuzz import fuzz, process
from thefuzz import process as thefuzz_process

from hkqh_tui.core.dataset.loading import load_dataset
from hkqh_tui.core.dataset.model import Dataset, PlanMention, Service, Source
from hkqh_tui.core.language.text import Text
from hkqh_tui.core.search.engine import SearchIndex
from hkqh_tui.core.search.folding import fold

QUERIES: tuple[str, ...] = (
    "醫療券",  # Traditional
    "医疗券",  # Simplified
    "長者醫療 深圳",  # two words
    "港車北上",
    "深圳灣口岸",
    "港車北尚",  # typo
    "前海法院",  # unspaced words that are not one phrase
    "帶貓返香港",  # colloquial
    "housing subsidy",  # English
    "elderly health care voucher",
    "subsidies",  # plural
    "arbitation",  # misspelled
    "前海 lawyer",  # mixed
    "72小時",
    "e站通",
    "xyzzy",  # nothing
    "比特幣挖礦",  # nothing
    "深",  # first keystroke
    "s",
    "申請" * 60,  # a long paste
    "我阿媽想喺深圳用醫療券睇醫生",  # a Cantonese sentence
    "can i get a housing subsidy in qianhai",  # an English sentence
    "yiliaoquan",  # pinyin
    "ylq",  # initials
)

TYPED: tuple[str, ...] = ("我阿媽想喺深圳用醫療券睇醫生", "小朋友喺前海讀書有咩學校", "can i get a housing subsidy in qianhai")
"""Sentences typed key by key (every prefix searched in turn) to time keystrokes as a person types them."""

ENGINE_LIMIT = 100
"""How many results tantivy and bm25s are asked for (they cannot rank everything)."""

SCREEN_ROWS = 30
"""Results read after each hkqh search: about one screen of rows."""

ZH_PLACES = "前海 深圳 南山 蛇口 福田 羅湖 寶安 香港 大灣區 廣州 東莞 珠海 澳門 橫琴 河套 深圳灣 港珠澳大橋".split()
ZH_PEOPLE = "長者 青年 學生 家庭 司機 專業人士 創業者 投資者 港人 居民 旅客 寵物主人 僱主 律師 醫生 教師".split()
ZH_TOPICS = (
    "醫療 教育 住房 就業 交通 稅務 法律 金融 保險 社保 公積金 創業 人才 文化 體育 旅遊 消費 通關 口岸 簽注 證件 "
    "醫療券 理財通 藥械通 回鄉證 居住證 學位 仲裁 銀行戶口 渡輪 巴士 鐵路 遊艇 檢疫 獸醫 私募 總部"
).split()
ZH_KINDS = (
    "補貼 津貼 資助 計劃 試點 服務 中心 通道 平台 基金 優惠 措施 專線 門診 登記 申請 許可 備案 執業 資格 體驗券"
).split()
ZH_LINKS = (
    "的 可 於 在 為 向 經 並 及 須 已 將 可以 需要 提供 協助 辦理 合資格 每月 每年 最多 不超過 一次性 "
    "如 先 後 持有 年滿 歲 天 個月 元 人民幣 港元 詳情 查詢 官方 網站 預約 親身 網上"
).split()
EN_PLACES = (
    "Qianhai Shenzhen Nanshan Shekou Futian Luohu Bao'an Hong-Kong Greater-Bay-Area Guangzhou Macao Hengqin"
).split()
EN_PEOPLE = (
    "elderly youth students families drivers professionals entrepreneurs investors residents visitors employers"
).split()
EN_TOPICS = (
    "health-care education housing employment transport tax legal finance insurance social-security startup talent "
    "culture sports tourism consumption border-crossing port visa permit voucher wealth-management ferry bus rail "
    "yacht quarantine veterinary private-equity headquarters arbitration court bank-account"
).split()
EN_KINDS = (
    "subsidy allowance funding scheme pilot service centre channel platform fund relief measure route clinic "
    "registration application licence filing practice qualification"
).split()
EN_LINKS = (
    "the a of for to in and with by from on at who can may must is are be will each per up month year "
    "eligible apply online in-person hold aged over under days months RMB HK$ details official website booking"
).split()


# Each pool appears once and the linking words twice, so that about a third of a sentence is linking words.
_ZH_POOL = ZH_PLACES + ZH_PEOPLE + ZH_TOPICS + ZH_KINDS + ZH_LINKS * 2
_EN_POOL = [word.replace("-", " ") for word in EN_PLACES + EN_PEOPLE + EN_TOPICS + EN_KINDS + EN_LINKS * 3]


def _name_chars() -> str:
    return "".join(sorted(set("".join(ZH_PLACES + ZH_PEOPLE + ZH_TOPICS + ZH_KINDS))))


class ServiceFactory:
    """Realistic synthetic services, reproducible from a seed."""

    def __init__(self, seed: int = 2026) -> None:
        self.rng = random.Random(seed)
        self.chars = _name_chars()

    def zh_name(self) -> str:
        return "".join(self.rng.choice(self.chars) for _ in range(self.rng.randint(2, 3)))

    def en_name(self) -> str:
        syllables = ("zhen", "hua", "qian", "hai", "long", "xin", "kai", "tai", "ming", "feng", "shan", "bao", "li")
        return "".join(self.rng.choice(syllables) for _ in range(self.rng.randint(2, 3))).capitalize()

    def zh_sentence(self, words: int) -> str:
        parts = self.rng.choices(_ZH_POOL, k=words)
        if self.rng.random() < 0.3:
            parts.insert(self.rng.randrange(len(parts) + 1), self.zh_name())
        return "".join(parts) + self.rng.choice("，。")

    def en_sentence(self, words: int) -> str:
        parts = self.rng.choices(_EN_POOL, k=words)
        if self.rng.random() < 0.3:
            parts.insert(self.rng.randrange(len(parts) + 1), self.en_name())
        return " ".join(parts).capitalize() + "."

    def text(self, zh_words: int, en_words: int) -> Text:
        zh = "".join(self.zh_sentence(8) for _ in range(max(1, zh_words // 8)))
        en = " ".join(self.en_sentence(12) for _ in range(max(1, en_words // 12)))
        return Text(zh, en)

    def service(self, index: int) -> Service:
        rng = self.rng
        name = self.zh_name()
        chinese = rng.choice(ZH_PLACES) + name + rng.choice(ZH_PEOPLE) + rng.choice(ZH_TOPICS) + rng.choice(ZH_KINDS)
        english = (rng.choice(EN_PLACES), self.en_name(), rng.choice(EN_PEOPLE), rng.choice(EN_TOPICS))
        title = Text(chinese, " ".join((*english, rng.choice(EN_KINDS))).replace("-", " ").title())
        aliases = tuple(
            rng.choice((lambda: rng.choice(ZH_TOPICS) + rng.choice(ZH_KINDS), self.zh_name, self.en_name))()
            for _ in range(10)
        )
        return Service(
            id=f"synthetic-{index}",
            title=title,
            summary=self.text(40, 80),
            category="living",
            audiences=("everyone",),
            status="operating",
            aliases=aliases,
            eligibility=tuple(self.text(8, 14) for _ in range(3)),
            documents=tuple(self.text(4, 8) for _ in range(rng.randint(0, 2))),
            steps=tuple(self.text(10, 16) for _ in range(3)),
            costs=(),
            contacts=(),
            sources=(Source("synthetic", "https://example.org", "benchmark", None, False),),
            last_verified=date(2026, 11, 24),
            plan_2026=PlanMention("unknown"),
        )


def synthetic_dataset(size: int, vocabularies) -> Dataset:
    factory = ServiceFactory()
    services = tuple(factory.service(i) for i in range(size))
    return Dataset(services=services, vocabularies=vocabularies, origin=f"synthetic-{size}", version="bench")


def searchable_texts(service: Service) -> list[str]:
    """The texts hkqh searches, in both languages."""
    texts = [service.title.zh_hant, service.title.en, *service.aliases, service.summary.zh_hant, service.summary.en]
    for item in (*service.eligibility, *service.documents, *service.steps):
        texts.extend((item.zh_hant, item.en))
    return texts


def timings(function, queries, repeats: int) -> tuple[float, float]:
    """Median and 95th percentile, in milliseconds, of one call per query, over ``repeats`` rounds."""
    samples = []
    for _ in range(repeats):
        for query in queries:
            start = time.perf_counter()
            function(query)
            samples.append((time.perf_counter() - start) * 1000)
    return median_and_p95(samples)


def median_and_p95(samples: list[float]) -> tuple[float, float]:
    """The median and the 95th percentile (nearest rank) of ``samples``."""
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def _current_rss_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def memory_child(size: int) -> None:
    """In a fresh process: make the dataset, then print how much the index build raised the peak resident memory."""
    import resource

    dataset = load_dataset() if size == 0 else synthetic_dataset(size, load_dataset().vocabularies)
    SearchIndex(synthetic_dataset(20, dataset.vocabularies), persist=False)  # imports, so they are not counted
    gc.collect()
    before = _current_rss_bytes()
    index = SearchIndex(dataset, persist=False)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(max(0, peak - before), len(index))


def build_peak_mb(dataset: Dataset, size: int) -> tuple[float, str]:
    """Peak memory the index build adds, in MB, and how it was measured.

    On Linux, at every size, a fresh process makes the same dataset and reports how far the build raised its peak
    resident memory above what it held just before (one method for every row). Elsewhere, the peak of Python
    allocations with tracemalloc.
    """
    if os.path.exists("/proc/self/statm"):
        import subprocess

        done = subprocess.run(
            [sys.executable, __file__, "--memory-child", str(size)], capture_output=True, text=True, check=True
        )
        return int(done.stdout.split()[0]) / 1e6, "RSS"
    tracemalloc.start()
    SearchIndex(dataset, persist=False)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6, "tracemalloc"


_LATIN = re.compile(r"[^\s\u2e80-\U0010ffff]+")
_CJK_RUN = re.compile(r"[\u2e80-\U0010ffff]+")


def engine_tokens(folded: str) -> list[str]:
    """Tokens as Lucene's CJKAnalyzer makes them: English words, and overlapping pairs of Chinese characters."""
    tokens = _LATIN.findall(folded)
    for run in _CJK_RUN.findall(folded):
        tokens.extend([run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)])
    return tokens


def engines(folded: list[str]):
    """(name, build ms, query function) for each engine that is installed."""
    found = []
    tokenised = [engine_tokens(text) for text in folded]
    try:
        import tantivy
    except ImportError:
        tantivy = None
    if tantivy is not None:
        start = time.perf_counter()
        builder = tantivy.SchemaBuilder()
        builder.add_text_field("body", stored=False)
        builder.add_unsigned_field("position", stored=True, indexed=False)
        index = tantivy.Index(builder.build())
        writer = index.writer(heap_size=200_000_000, num_threads=1)
        for position, tokens in enumerate(tokenised):
            writer.add_document(tantivy.Document(body=" ".join(tokens), position=position))
        writer.commit()
        writer.wait_merging_threads()
        index.reload()
        searcher = index.searcher()
        build_ms = (time.perf_counter() - start) * 1000

        def tantivy_search(query: str):
            tokens = engine_tokens(fold(query))
            if not tokens:
                return []
            hits = searcher.search(index.parse_query(" ".join(tokens), ["body"]), ENGINE_LIMIT).hits
            return [searcher.doc(address)["position"][0] for _, address in hits]

        found.append(("tantivy", build_ms, tantivy_search))
    try:
        import bm25s
    except ImportError:
        bm25s = None
    if bm25s is not None:
        start = time.perf_counter()
        retriever = bm25s.BM25()
        retriever.index(tokenised, show_progress=False)
        build_ms = (time.perf_counter() - start) * 1000
        k = min(ENGINE_LIMIT, len(tokenised))

        def bm25s_search(query: str):
            tokens = engine_tokens(fold(query))
            if not tokens:
                return []
            return retriever.retrieve([tokens], k=k, show_progress=False).documents[0].tolist()

        found.append(("bm25s", build_ms, bm25s_search))
    return found


def write_json(dataset: Dataset, path: Path) -> None:
    """The dataset as one JSON file, in the form ``hkqh --data`` reads (a list of services)."""
    import json

    from hkqh_tui.core.dataset.serialize import service_to_json

    services = [service_to_json(service) for service in dataset.curated_order()]
    path.write_text(json.dumps(services, ensure_ascii=False), encoding="utf-8")


def bench(label: str, dataset: Dataset, repeats: int, thefuzz_queries: int, thefuzz_repeats: int, size: int) -> dict:
    peak_mb, method = build_peak_mb(dataset, size)
    gc.collect()
    start = time.perf_counter()
    index = SearchIndex(dataset, persist=False)
    build_ms = (time.perf_counter() - start) * 1000

    raw = [" ".join(searchable_texts(s)) for s in dataset.services]
    folded = [fold(text) for text in raw]
    index.search(QUERIES[0])  # warm caches the way a first keystroke would

    def keystroke(query: str) -> None:
        """What the app does with a keystroke: search, count, and read the rows of the first screen.

        Every query starts with nothing remembered from the one before (the engine keeps recent lookups for the next
        keystroke, which would otherwise answer the second round of the same query from memory)."""
        index.forget_recent_lookups()
        results = index.search(query)
        for result in results[:SCREEN_ROWS]:
            result.title_spans("hant")

    hkqh = timings(keystroke, QUERIES, repeats)
    typing = {remember: typed_keystrokes(index, remember) for remember in (False, True)}
    floor = timings(
        lambda q: process.extract(fold(q), folded, scorer=fuzz.partial_ratio, limit=None, score_cutoff=80),
        QUERIES,
        repeats,
    )
    others = {}
    engine_builds = {}
    for name, engine_build_ms, function in engines(folded):
        function(QUERIES[0])
        others[name] = timings(function, QUERIES, repeats)
        engine_builds[name] = engine_build_ms
    naive = timings(lambda q: thefuzz_process.extract(q, raw, limit=None), QUERIES[:thefuzz_queries], thefuzz_repeats)
    row = {
        "label": label,
        "services": len(dataset.services),
        "build_ms": build_ms,
        "peak_mb": peak_mb,
        "peak_method": method,
        "hkqh": hkqh,
        "floor": floor,
        "engines": others,
        "thefuzz": naive,
        "typing": typing,
    }
    memory = f"{peak_mb:,.0f} MB" + (" (RSS)" if method == "RSS" else " (tracemalloc)")
    tantivy = others.get("tantivy")
    bm25 = others.get("bm25s")
    cells = [
        label,
        f"{row['services']:,}",
        f"{build_ms:,.0f} ms",
        f"{engine_builds['tantivy']:,.0f} ms" if "tantivy" in engine_builds else "-",
        memory,
        f"{hkqh[0]:.2f} / {hkqh[1]:.2f}",
        f"{floor[0]:.2f} / {floor[1]:.2f}",
        f"{tantivy[0]:.2f} / {tantivy[1]:.2f}" if tantivy else "-",
        f"{bm25[0]:.2f} / {bm25[1]:.2f}" if bm25 else "-",
        f"{naive[0]:.1f} / {naive[1]:.1f} ({thefuzz_queries}q)",
        f"{hkqh[0] / floor[0]:.2f}x / {hkqh[1] / floor[1]:.2f}x",
        f"{hkqh[0] / tantivy[0]:.1f}x / {hkqh[1] / tantivy[1]:.1f}x" if tantivy else "-",
    ]
    print("| " + " | ".join(cells) + " |", flush=True)
    return row


def typed_keystrokes(index: SearchIndex, remember: bool) -> tuple[float, float]:
    """Median and 95th percentile (ms) of the keystrokes of typing each :data:`TYPED` sentence key by key, with the
    engine's memory of recent lookups kept between keystrokes (as in the app) or forgotten before each."""
    samples = []
    for sentence in TYPED:
        index.forget_recent_lookups()
        for end in range(1, len(sentence) + 1):
            if not remember:
                index.forget_recent_lookups()
            start = time.perf_counter()
            for result in index.search(sentence[:end])[:SCREEN_ROWS]:
                result.title_spans("hant")
            samples.append((time.perf_counter() - start) * 1000)
    return median_and_p95(samples)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="1k and 10k services only, fewer repetitions")
    parser.add_argument("--memory-child", type=int, metavar="SIZE", help=argparse.SUPPRESS)
    parser.add_argument(
        "--write-json",
        nargs=2,
        metavar=("SIZE", "PATH"),
        help="write SIZE synthetic services as one JSON dataset file (for hkqh --data PATH) and stop",
    )
    args = parser.parse_args(argv)
    if args.write_json is not None:
        size, path = int(args.write_json[0]), Path(args.write_json[1])
        write_json(synthetic_dataset(size, load_dataset().vocabularies), path)
        print(f"wrote {size:,} services to {path}")
        return 0
    if args.memory_child is not None:
        memory_child(args.memory_child)
        return 0
    bundled = load_dataset()
    print(f"{len(QUERIES)} queries; times are median / 95th percentile per query, in milliseconds.")
    print(f"Python {sys.version.split()[0]}; synthetic texts average about the size of the bundled entries.\n")
    print(
        "| dataset | services | hkqh build | tantivy build | hkqh build memory | hkqh ms | floor ms | tantivy ms "
        "| bm25s ms | thefuzz ms | hkqh / floor | hkqh / tantivy |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    bench("bundled", bundled, repeats=50, thefuzz_queries=len(QUERIES), thefuzz_repeats=10, size=0)
    sizes = [(1_000, 10, len(QUERIES), 3), (10_000, 3 if args.quick else 5, 10, 1)]
    if not args.quick:
        sizes.append((100_000, 2, 2, 1))
    rows = []
    for size, repeats, thefuzz_queries, thefuzz_repeats in sizes:
        dataset = synthetic_dataset(size, bundled.vocabularies)
        rows.append(bench(f"synthetic {size // 1000}k", dataset, repeats, thefuzz_queries, thefuzz_repeats, size))
        del dataset
    print(f"\nTyping {len(TYPED)} sentences key by key ({sum(map(len, TYPED))} keystrokes), ms per keystroke:\n")
    print("| dataset | every lookup afresh | recent lookups kept (as in the app) | ratio |")
    print("|---|---:|---:|---:|")
    for row in rows:
        afresh, kept = row["typing"][False], row["typing"][True]
        print(
            f"| {row['label']} | {afresh[0]:.2f} / {afresh[1]:.2f} | {kept[0]:.2f} / {kept[1]:.2f} "
            f"| {kept[0] / afresh[0]:.2f}x / {kept[1] / afresh[1]:.2f}x |"
        )
    print(
        "\nthefuzz: milliseconds per query over the first N queries (Nq), once each at 10k and 100k."
        f" tantivy and bm25s return the best {ENGINE_LIMIT}; hkqh and the floor return every match."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
