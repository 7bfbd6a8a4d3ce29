"""Words of the interface in Traditional Chinese and English; Simplified is converted from Traditional."""

from __future__ import annotations

from hkqh_tui.core.language.text import Script
from hkqh_tui.core.language.ui_text import pick

_STRINGS: dict[str, tuple[str, str]] = {
    "app_title": ("前海港人服務", "Qianhai services for HK people"),
    "search_placeholder": ("搜尋服務：醫療券、港車北上、school、深圳湾… ( / )", "Search: 醫療券, Northbound, school… ( / )"),
    "all_categories": ("所有類別", "All categories"),
    "all_audiences": ("所有對象", "Everyone / any"),
    "all_statuses": ("所有狀態", "Any status"),
    "results_count": ("{count} 項服務", "{count} services"),
    "results_count_one": ("1 項服務", "1 service"),
    "results_of_total": ("（共 {total} 項）", " (of {total})"),
    "filters_active": ("已篩選", "filtered"),
    "nothing_found": ("找不到與「{query}」相關的服務。", "Nothing found for “{query}”."),
    "nothing_found_filters": ("目前的篩選：{filters}。按 x 清除篩選再試。", "Filters in use: {filters}. Press x to clear them."),
    "nothing_found_tips": (
        "試試較短或其他的字詞，例如「醫療券」、「口岸」、「學校」，或用英文搜尋。",
        "Try a shorter or different word, for example “voucher”, “port”, “school”, or search in Chinese.",
    ),
    "nothing_filtered": ("沒有服務符合目前的篩選。按 x 清除篩選。", "No service matches these filters. Press x to clear them."),
    "select_a_service": ("在左邊選擇一項服務，即可在此閱讀詳情。", "Pick a service on the left to read it here."),
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
    "checklist_title": ("清單「{name}」", "Checklist “{name}”"),
    "checklist_progress": ("{services} 項服務 · 已完成 {progress}", "{services} services · {progress} done"),
    "checklist_empty": (
        "這個清單還是空的。在搜尋結果按 space 把服務加入清單，按 Esc 返回搜尋。",
        "This checklist is empty. Press space on a search result to add a service; Esc goes back to the search.",
    ),
    "checklist_documents": ("所需文件", "Document"),
    "checklist_steps": ("步驟", "Step"),
    "checklist_note": ("備註", "Note"),
    "checklist_no_note": ("（按 e 加備註）", "(press e to add a note)"),
    "checklist_missing": ("此服務已不在資料集內，已為你保留", "no longer in the dataset; kept for you"),
    "checklist_no_items": ("（資料集未列出文件或步驟）", "(the dataset lists no documents or steps)"),
    "combined_title": ("所需文件總表（每份文件只列一次）", "All documents to prepare (each listed once)"),
    "combined_none": ("清單內的服務未列出所需文件。", "The services in this checklist list no documents."),
    "combined_needed_by": ("用於：", "needed for: "),
    "combined_back": ("按 a 返回清單", "Press a to go back to the checklist"),
    "note_title": ("備註：{title}", "Note: {title}"),
    "note_hint": ("ctrl+s 儲存　Esc 取消", "ctrl+s save · Esc cancel"),
    "note_too_long": ("備註太長，未能儲存：{error}", "The note is too long and was not saved: {error}"),
    "remove_question": ("從清單移除「{title}」？", "Remove “{title}” from the checklist?"),
    "yes_no": ("y 是　n 否", "y yes · n no"),
    "new_checklist_title": ("新清單的名稱", "Name of the new checklist"),
    "new_checklist_hint": ("Enter 建立　Esc 取消", "Enter create · Esc cancel"),
    "new_checklist_placeholder": ("例如：阿媽、搬去前海", "for example: Mum, Moving to Qianhai"),
    "bad_name": ("不能用這個名稱：{error}", "That name cannot be used: {error}"),
    "switch_title": ("選擇清單", "Choose a checklist"),
    "switch_hint": ("Enter 選擇　Esc 取消", "Enter choose · Esc cancel"),
    "switched": ("目前清單：{name}", "Current checklist: {name}"),
    "export_title": ("匯出清單「{name}」為 Markdown，儲存到：", "Export checklist “{name}” as Markdown to:"),
    "export_hint": ("Enter 匯出　Esc 取消", "Enter export · Esc cancel"),
    "export_exists": ("{path} 已存在，要覆寫嗎？", "{path} already exists. Overwrite it?"),
    "export_done": ("已匯出至 {path}", "Exported to {path}"),
    "export_failed": ("未能匯出：{error}。{hint}", "Could not export: {error}. {hint}"),
    "checklist_notice_title": ("清單", "Checklist"),
    "not_saved": ("未能儲存（改動暫存於記憶體，下次改動時會再試）", "Not saved (kept in memory; saving is retried with the next change)"),
}


def tr(key: str, script: Script, **values: object) -> str:
    """The interface string ``key`` in ``script``, with ``{placeholders}`` filled in."""
    text = pick(_STRINGS[key], script)
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
    "plan": ("2026方案", "2026 plan"),
    "export": ("匯出", "Export"),
    "tick": ("剔選", "Tick"),
    "edit_note": ("備註", "Note"),
    "remove_service": ("移除", "Remove"),
    "new_checklist": ("新清單", "New"),
    "switch_checklist": ("切換清單", "Switch"),
    "combined_documents": ("文件總表", "All documents"),
    "save_note": ("儲存", "Save"),
    "cancel": ("取消", "Cancel"),
    "confirm_yes": ("是", "Yes"),
    "confirm_no": ("否", "No"),
    "first": ("第一項", "First"),
    "last": ("最後一項", "Last"),
    "copy_link": ("複製", "Copy"),
    "for_me": ("為你推薦", "For me"),
    "edit_profile": ("你的情況", "Profile"),
    "toggle_unfit": ("顯示不適合", "Show all"),
    "toggle_choice": ("選取", "Pick"),
    "skip_question": ("略過", "Skip"),
    "previous_question": ("上一題", "Back"),
    "profile_done": ("完成", "Done"),
    "next_question": ("下一題", "Next"),
}


def binding_words(binding_id: str, script: Script, default: str) -> str:
    """The description of a binding in ``script``."""
    pair = _BINDING_WORDS.get(binding_id)
    return pick(pair, script) if pair is not None else default
