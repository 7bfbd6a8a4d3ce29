"""Words of the interface in Traditional Chinese and English; Simplified is converted from Traditional."""

from __future__ import annotations

from hkqh_tui.core.display import to_simplified
from hkqh_tui.core.text import Script

_STRINGS: dict[str, tuple[str, str]] = {
    "app_title": ("前海港人服務", "Qianhai services for HK people"),
    "search_placeholder": ("搜尋服務：醫療券、港車北上、school、深圳湾… ( / )", "Search: 醫療券, Northbound, school… ( / )"),
    "all_categories": ("所有類別", "All categories"),
    "all_audiences": ("所有對象", "Everyone / any"),
    "all_statuses": ("所有狀態", "Any status"),
    "category_label": ("類別", "Need"),
    "audience_label": ("對象（關於我）", "About me"),
    "status_label": ("狀態", "Status"),
    "results_count": ("{count} 項服務", "{count} services"),
    "results_count_one": ("1 項服務", "1 service"),
    "results_of_total": ("（共 {total} 項）", " (of {total})"),
    "filters_active": ("已篩選", "filtered"),
    "marked_count": ("清單：{count} 項", "Checklist: {count}"),
    "nothing_found": ("找不到與「{query}」相關的服務。", "Nothing found for “{query}”."),
    "nothing_found_filters": ("目前的篩選：{filters}。按 x 清除篩選再試。", "Filters in use: {filters}. Press x to clear them."),
    "nothing_found_tips": (
        "試試較短或其他的字詞，例如「醫療券」、「口岸」、「學校」，或用英文搜尋。",
        "Try a shorter or different word, for example “voucher”, “port”, “school”, or search in Chinese.",
    ),
    "nothing_filtered": ("沒有服務符合目前的篩選。按 x 清除篩選。", "No service matches these filters. Press x to clear them."),
    "select_a_service": ("在左邊選擇一項服務，即可在此閱讀詳情。", "Pick a service on the left to read it here."),
    "language_switched": ("介面語言：繁體中文", "Language: English"),
    "language_switched_hans": ("界面语言：简体中文", ""),
    "marked": ("已加入清單「{name}」：{title}", "Added to checklist “{name}”: {title}"),
    "unmarked": ("已從清單「{name}」移除：{title}", "Removed from checklist “{name}”: {title}"),
    "in_checklist": ("已在目前的清單內", "In your current checklist"),
    "no_links": ("這項服務沒有連結。", "This service has no links."),
    "links_title": ("開啟或複製連結", "Open or copy a link"),
    "links_help": ("Enter 開啟　y 複製　Esc 返回", "Enter open · y copy · Esc back"),
    "link_opened": ("已在瀏覽器開啟：{url}", "Opened in your browser: {url}"),
    "link_copied": ("已複製連結：{url}", "Copied: {url}"),
    "help_title": ("按鍵說明", "Keys"),
    "help_intro": (
        "hkqh 全部功能都可用鍵盤操作，亦可用滑鼠。可在設定檔的 keymap 以按鍵編號重新指定按鍵。",
        "Everything works from the keyboard (and with the mouse). Rebind any key by its id in the keymap of the settings file.",
    ),
    "help_settings": ("設定檔：{path}", "Settings file: {path}"),
    "help_close": ("按 Esc 或 q 關閉", "Press Esc or q to close"),
    "dataset_error_title": ("資料集載入失敗", "The dataset could not be loaded"),
    "dataset_error_body": (
        "hkqh 找到以下問題，未能開啟資料集：",
        "hkqh found these problems and could not open the dataset:",
    ),
    "dataset_error_hint": (
        "請修正檔案後再試，或用 `hkqh data validate` 列出全部問題；不加 --data 即使用內置資料集。按 ctrl+q 離開。",
        "Fix the files and try again, or run `hkqh data validate` for the full list; drop --data to use the bundled dataset. Press ctrl+q to quit.",
    ),
    "stale": ("⚠ 資料超過12個月未核實，請向主辦機構查證。", "⚠ Not verified for over 12 months: check with the office that runs it."),
    "settings_notice_title": ("設定", "Settings"),
    "detail_keys": ("o 連結　space 加入清單　Esc 返回", "o links · space checklist · Esc back"),
}


def tr(key: str, script: Script, **values: object) -> str:
    """The interface string ``key`` in ``script``, with ``{placeholders}`` filled in."""
    zh, en = _STRINGS[key]
    if script == "en":
        text = en or zh
    elif script == "hans":
        text = to_simplified(zh)
    else:
        text = zh
    return text.format(**values) if values else text


# Binding descriptions shown in the footer, help screen and command palette, by binding id.
_BINDING_WORDS: dict[str, tuple[str, str]] = {
    "quit": ("離開", "Quit"),
    "focus_search": ("搜尋", "Search"),
    "leave_search": ("到結果", "To results"),
    "cursor_down": ("下一項", "Down"),
    "cursor_up": ("上一項", "Up"),
    "open_detail": ("詳情", "Details"),
    "toggle_mark": ("加入/移除清單", "Mark"),
    "help": ("按鍵說明", "Help"),
    "command_palette": ("命令", "Commands"),
    "cycle_language": ("語言", "Language"),
    "filters": ("篩選", "Filters"),
    "clear_filters": ("清除篩選", "Clear filters"),
    "links": ("連結", "Links"),
    "back": ("返回", "Back"),
    "checklists": ("我的清單", "Checklists"),
    "export": ("匯出", "Export"),
    "first": ("第一項", "First"),
    "last": ("最後一項", "Last"),
    "copy_link": ("複製", "Copy"),
    "open_link": ("開啟", "Open"),
}


def binding_words(binding_id: str, script: Script, default: str) -> str:
    """The description of a binding in ``script``."""
    pair = _BINDING_WORDS.get(binding_id)
    if pair is None:
        return default
    zh, en = pair
    if script == "en":
        return en
    return to_simplified(zh) if script == "hans" else zh
