"""Words of the interface in Traditional Chinese, Simplified Chinese and English.

The Simplified wording is written and reviewed for Mainland readers (导出, 设置, 帮助, 搜索, 链接, 保存, 材料 ...), not
converted character by character from the Traditional: only dataset texts are converted.
"""

from __future__ import annotations

from hkqh_tui.core.language.text import Script
from hkqh_tui.core.language.ui_text import pick

# key: (Traditional Chinese, Simplified Chinese, English)
_STRINGS: dict[str, tuple[str, str, str]] = {
    "app_title": ("前海港人服務", "前海港人服务", "Qianhai services for HK people"),
    "search_placeholder": (
        "直接輸入搜尋：醫療券、港車北上、school、深圳湾…　F1 說明",
        "直接输入搜索：医疗券、港车北上、school、深圳湾…　F1 帮助",
        "Just type: 醫療券, Northbound, school, Shenzhen Bay…  F1 help",
    ),
    "all_categories": ("類別：全部", "类别：全部", "Need: any"),
    "all_audiences": ("對象：不限", "对象：不限", "For: anyone"),
    "all_statuses": ("狀態：全部", "状态：全部", "Status: any"),
    "audience_everyone_only": ("只看人人適用的服務", "只看人人适用的服务", "Only services open to everyone"),
    "results_count": ("{count} 項服務", "{count} 项服务", "{count} services"),
    "results_count_one": ("1 項服務", "1 项服务", "1 service"),
    "search_getting_ready": (
        "正在準備搜尋 {total} 項服務，請稍候…",
        "正在准备搜索 {total} 项服务，请稍候…",
        "Getting search ready for {total} services…",
    ),
    "results_of_total": ("（共 {total} 項）", "（共 {total} 项）", " (of {total})"),
    "filters_active": ("已篩選", "已筛选", "filtered"),
    "nothing_found": ("找不到與「{query}」相關的服務。", "找不到与“{query}”相关的服务。", "Nothing found for “{query}”."),
    "nothing_found_filters": (
        "目前的篩選：{filters}。按 x 清除篩選再試。",
        "当前筛选：{filters}。按 x 清除筛选后再试。",
        "Filters in use: {filters}. Press x to clear them.",
    ),
    "nothing_found_tips": (
        "試試較短或其他的字詞，例如「醫療券」、「口岸」、「學校」，或用英文搜尋。",
        "试试更短或别的词，例如“医疗券”“口岸”“学校”，或用英文搜索。",
        "Try a shorter or different word, for example “voucher”, “port”, “school”, or search in Chinese.",
    ),
    "nothing_filtered": (
        "沒有服務符合目前的篩選。按 x 清除篩選。",
        "没有符合当前筛选的服务。按 x 清除筛选。",
        "No service matches these filters. Press x to clear them.",
    ),
    "select_a_service": ("在左邊選擇一項服務，即可在此閱讀詳情。", "在左侧选择一项服务，即可在此查看详情。", "Pick a service on the left to read it here."),
    "marked": ("已加入清單「{name}」：{title}", "已加入清单“{name}”：{title}", "Added to checklist “{name}”: {title}"),
    "unmarked": ("已從清單「{name}」移除：{title}", "已从清单“{name}”移除：{title}", "Removed from checklist “{name}”: {title}"),
    "in_checklist": ("已在目前的清單內", "已在当前清单中", "In your current checklist"),
    "no_links": ("這項服務沒有連結。", "这项服务没有链接。", "This service has no links."),
    "links_title": ("開啟或複製連結", "打开或复制链接", "Open or copy a link"),
    "links_help": ("Enter 開啟　y 複製　Esc 返回", "Enter 打开　y 复制　Esc 返回", "Enter open · y copy · Esc back"),
    "link_opened": ("已在瀏覽器開啟：{url}", "已在浏览器中打开：{url}", "Opened in your browser: {url}"),
    "link_copied": ("已複製連結：{url}", "已复制链接：{url}", "Copied: {url}"),
    "help_title": ("按鍵說明", "按键帮助", "Keys"),
    "help_intro": (
        "直接輸入即可搜尋。全部功能都可用鍵盤操作，亦可用滑鼠。可在設定檔的 keymap 以按鍵編號（右欄）重新指定按鍵。",
        "直接输入即可搜索。所有功能都可以用键盘操作，也可以用鼠标。可在设置文件的 keymap 中按按键编号（右栏）重新指定按键。",
        "Just start typing to search. Everything works from the keyboard (and with the mouse). Rebind any key by its id "
        "(right column) in the keymap of the settings file.",
    ),
    "help_key": ("按鍵", "按键", "Key"),
    "help_does": ("功能", "功能", "Does"),
    "help_settings": ("設定檔：{path}", "设置文件：{path}", "Settings file: {path}"),
    "help_close": ("按 Esc 或 q 關閉", "按 Esc 或 q 关闭", "Press Esc or q to close"),
    "context_app": ("任何畫面", "任何界面", "Everywhere"),
    "context_main": ("主畫面", "主界面", "Main screen"),
    "context_search": ("搜尋框", "搜索框", "Search box"),
    "context_results": ("結果列表", "结果列表", "Results list"),
    "context_detail": ("服務詳情", "服务详情", "Service detail"),
    "context_links": ("連結", "链接", "Links"),
    "context_checklist": ("清單", "清单", "Checklists"),
    "context_plan": ("2026年行動方案", "2026年行动方案", "2026 Action Plan"),
    "context_for_me": ("為你推薦", "为你推荐", "For me"),
    "context_questions": ("你的情況（問題）", "你的情况（问题）", "Your situation (questions)"),
    "context_dialogs": ("對話框", "对话框", "Dialogs"),
    "context_help": ("按鍵說明", "按键帮助", "This help"),
    "context_other": ("其他畫面", "其他界面", "Other screens"),
    "dataset_error_title": ("資料集載入失敗", "数据集加载失败", "The dataset could not be loaded"),
    "dataset_error_body": (
        "hkqh 找到以下問題，未能開啟資料集：",
        "hkqh 发现以下问题，无法打开数据集：",
        "hkqh found these problems and could not open the dataset:",
    ),
    "dataset_error_hint": (
        "請修正檔案後再試，或用 `hkqh data validate` 列出全部問題；不加 --data 即使用內置資料集。按 ctrl+q 離開。",
        "请修正文件后再试，或用 `hkqh data validate` 列出全部问题；不加 --data 即使用内置数据集。按 ctrl+q 退出。",
        "Fix the files and try again, or run `hkqh data validate` for the full list; drop --data to use the bundled dataset. Press ctrl+q to quit.",
    ),
    "stale": (
        "⚠ 資料超過12個月未核實，請向主辦機構查證。",
        "⚠ 信息超过12个月未核实，请向主办机构核实。",
        "⚠ Not verified for over 12 months: check with the office that runs it.",
    ),
    "settings_notice_title": ("設定", "设置", "Settings"),
    "checklist_title": ("清單「{name}」", "清单“{name}”", "Checklist “{name}”"),
    "checklist_progress": ("{services} 項服務 · 已完成 {progress}", "{services} 项服务 · 已完成 {progress}", "{services} service(s) · {progress} done"),
    "checklist_empty": (
        "這個清單還是空的。在搜尋結果按 Space 把服務加入清單，按 Esc 返回搜尋。",
        "这个清单还是空的。在搜索结果上按 Space 把服务加入清单，按 Esc 返回搜索。",
        "This checklist is empty. Press Space on a search result to add a service; Esc goes back to the search.",
    ),
    "checklist_documents": ("文件", "材料", "Document"),
    "checklist_steps": ("步驟", "步骤", "Step"),
    "checklist_note": ("備註", "备注", "Note"),
    "checklist_no_note": ("（按 e 加備註）", "（按 e 添加备注）", "(press e to add a note)"),
    "checklist_missing": ("此服務已不在資料集內，已為你保留", "此服务已不在数据集中，已为你保留", "no longer in the dataset; kept for you"),
    "checklist_no_items": ("（資料集未列出文件或步驟）", "（数据集未列出材料或步骤）", "(the dataset lists no documents or steps)"),
    "combined_title": ("所需文件總表（每份文件只列一次）", "所需材料汇总（每份材料只列一次）", "All documents to prepare (each listed once)"),
    "combined_none": ("清單內的服務未列出所需文件。", "清单中的服务未列出所需材料。", "The services in this checklist list no documents."),
    "combined_needed_by": ("用於：", "用于：", "needed for: "),
    "combined_back": ("按 a 返回清單", "按 a 返回清单", "Press a to go back to the checklist"),
    "note_title": ("備註：{title}", "备注：{title}", "Note: {title}"),
    "note_hint": ("ctrl+s 儲存　Esc 取消", "ctrl+s 保存　Esc 取消", "ctrl+s save · Esc cancel"),
    "note_too_long": ("備註太長，未能儲存：{error}", "备注太长，未能保存：{error}", "The note is too long and was not saved: {error}"),
    "remove_question": ("從清單移除「{title}」？", "从清单中移除“{title}”？", "Remove “{title}” from the checklist?"),
    "delete_question": (
        "刪除整個清單「{name}」（{count} 項服務、剔選及備註）？刪除後不能復原。",
        "删除整个清单“{name}”（{count} 项服务、勾选和备注）？删除后无法恢复。",
        "Delete the whole checklist “{name}” ({count} service(s), ticks and notes)? This cannot be undone.",
    ),
    "deleted": ("已刪除清單「{name}」", "已删除清单“{name}”", "Deleted checklist “{name}”"),
    "yes_no": ("y 是　n 否", "y 是　n 否", "y yes · n no"),
    "new_checklist_title": ("新清單的名稱", "新清单的名称", "Name of the new checklist"),
    "new_checklist_hint": ("Enter 建立　Esc 取消", "Enter 创建　Esc 取消", "Enter create · Esc cancel"),
    "new_checklist_placeholder": ("例如：阿媽、搬去前海", "例如：妈妈、搬去前海", "for example: Mum, Moving to Qianhai"),
    "bad_name": ("不能用這個名稱：{error}", "不能使用这个名称：{error}", "That name cannot be used: {error}"),
    "switch_title": ("選擇清單", "选择清单", "Choose a checklist"),
    "switch_hint": ("Enter 選擇　Esc 取消", "Enter 选择　Esc 取消", "Enter choose · Esc cancel"),
    "switched": ("目前清單：{name}", "当前清单：{name}", "Current checklist: {name}"),
    "export_title": (
        "匯出清單「{name}」，儲存到：",
        "导出清单“{name}”，保存到：",
        "Export checklist “{name}” to:",
    ),
    "export_hint": (
        "Enter 匯出　Esc 取消　·　.md 為 Markdown，.html 為可列印網頁",
        "Enter 导出　Esc 取消　·　.md 为 Markdown，.html 为可打印网页",
        "Enter export · Esc cancel · .md is Markdown, .html a page to print",
    ),
    "export_exists": ("{path} 已存在，要覆寫嗎？", "{path} 已存在，要覆盖吗？", "{path} already exists. Overwrite it?"),
    "export_done": ("已匯出至 {path}", "已导出到 {path}", "Exported to {path}"),
    "export_failed": ("未能匯出：{error}。{hint}", "导出失败：{error}。{hint}", "Could not export: {error}. {hint}"),
    "checklist_notice_title": ("清單", "清单", "Checklist"),
    "not_saved": (
        "未能儲存（改動暫存於記憶體，下次改動時會再試）",
        "未能保存（改动暂存在内存中，下次改动时会再试）",
        "Not saved (kept in memory; saving is retried with the next change)",
    ),
    # The command palette.
    "palette_language": ("語言：{language}", "语言：{language}", "Language: {language}"),
    "palette_language_help": ("以這種語言顯示", "以这种语言显示", "Show the app in this language"),
    "palette_checklist_open": ("清單：開啟", "清单：打开", "Checklist: open"),
    "palette_checklist_open_help": ("剔選文件及步驟、備註", "勾选材料和步骤、备注", "Tick documents and steps, notes"),
    "palette_checklist_switch": ("清單：切換或新增", "清单：切换或新建", "Checklist: switch or create"),
    "palette_checklist_delete": ("清單：刪除目前的清單", "清单：删除当前清单", "Checklist: delete the current one"),
    "palette_export_markdown": ("清單：匯出為 Markdown", "清单：导出为 Markdown", "Checklist: export to Markdown"),
    "palette_export_html": ("清單：匯出為可列印網頁（HTML）", "清单：导出为可打印网页（HTML）", "Checklist: export a page to print (HTML)"),
    "palette_clear_filters": ("篩選：清除", "筛选：清除", "Filters: clear"),
    "palette_clear_filters_help": ("顯示全部服務", "显示全部服务", "Show every service"),
    "palette_filter": ("篩選{label}：{value}", "筛选{label}：{value}", "Filter {label}: {value}"),
    "palette_open": ("開啟：{title}", "打开：{title}", "Open: {title}"),
    "palette_theme": ("外觀主題", "外观主题", "Theme"),
    "palette_theme_help": ("更改顏色（會記住）", "更改颜色（会记住）", "Change the colours (remembered)"),
    "palette_quit": ("離開", "退出", "Quit"),
    "palette_quit_help": ("關閉 hkqh", "关闭 hkqh", "Close hkqh"),
    "palette_keys": ("按鍵說明", "按键帮助", "Keys"),
    "palette_keys_help": ("每個畫面的按鍵（F1）", "每个界面的按键（F1）", "Every key, by screen (F1)"),
    "palette_maximize": ("放大", "放大", "Maximize"),
    "palette_maximize_help": ("把目前的部分放大至全畫面", "把当前部分放大到全屏", "Show the focused part full screen"),
    "palette_minimize": ("還原", "还原", "Minimize"),
    "palette_minimize_help": ("還原正常大小", "恢复正常大小", "Back to the normal size"),
    "palette_screenshot": ("截圖", "截图", "Screenshot"),
    "palette_screenshot_help": ("把目前畫面存成 SVG 圖片", "把当前界面保存为 SVG 图片", "Save the screen as an SVG picture"),
    "filter_category": ("類別", "类别", "need"),
    "filter_audience": ("對象", "对象", "for"),
    "filter_status": ("狀態", "状态", "status"),
}


def tr(key: str, script: Script, **values: object) -> str:
    """The interface string ``key`` in ``script``, with ``{placeholders}`` filled in."""
    text = pick(_STRINGS[key], script)
    return text.format(**values) if values else text


# Binding descriptions shown in the footer, help screen and command palette, by binding id.
_BINDING_WORDS: dict[str, tuple[str, str, str]] = {
    "quit": ("離開", "退出", "Quit"),
    "focus_search": ("搜尋", "搜索", "Search"),
    "leave_search": ("到結果", "到结果", "To results"),
    "cursor_down": ("下一項", "下一项", "Down"),
    "cursor_up": ("上一項", "上一项", "Up"),
    "open_detail": ("詳情", "详情", "Details"),
    "toggle_mark": ("加入/移除清單", "加入/移出清单", "Add to checklist"),
    "help": ("說明", "帮助", "Help"),
    "help_question_mark": ("說明（不在輸入文字時）", "帮助（不在输入文字时）", "Help (when not typing text)"),
    "command_palette": ("命令", "命令", "Commands"),
    "cycle_language": ("語言", "语言", "Language"),
    "filters": ("篩選", "筛选", "Filters"),
    "clear_filters": ("清除篩選", "清除筛选", "Clear filters"),
    "links": ("連結", "链接", "Links"),
    "back": ("返回", "返回", "Back"),
    "back_q": ("返回", "返回", "Back"),
    "checklists": ("我的清單", "我的清单", "Checklists"),
    "export": ("匯出", "导出", "Export"),
    "tick": ("剔選", "勾选", "Tick"),
    "edit_note": ("備註", "备注", "Note"),
    "remove_service": ("移除", "移除", "Remove"),
    "delete_checklist": ("刪除清單", "删除清单", "Delete checklist"),
    "new_checklist": ("新清單", "新建清单", "New"),
    "switch_checklist": ("切換清單", "切换清单", "Switch"),
    "combined_documents": ("文件總表", "材料汇总", "All documents"),
    "save_note": ("儲存", "保存", "Save"),
    "cancel": ("取消", "取消", "Cancel"),
    "confirm_yes": ("是", "是", "Yes"),
    "confirm_no": ("否", "否", "No"),
    "first": ("第一項", "第一项", "First"),
    "last": ("最後一項", "最后一项", "Last"),
    "copy_link": ("複製", "复制", "Copy"),
    "open_link": ("開啟", "打开", "Open"),
    "plan": ("2026方案", "2026方案", "2026 plan"),
    "for_me": ("為你推薦", "为你推荐", "For me"),
    "edit_profile": ("你的情況", "你的情况", "Profile"),
    "toggle_unfit": ("顯示不適合", "显示不适合", "Show all"),
    "toggle_choice": ("選取", "选取", "Pick"),
    "skip_question": ("略過", "跳过", "Skip"),
    "previous_question": ("上一題", "上一题", "Back"),
    "profile_done": ("完成", "完成", "Done"),
    "next_question": ("下一題", "下一题", "Next"),
    "unsaved_retry": ("再試儲存", "重试保存", "Retry"),
    "unsaved_quit": ("不儲存離開", "不保存退出", "Quit without saving"),
    "unsaved_stay": ("留下", "留下", "Stay"),
}


def binding_words(binding_id: str, script: Script, default: str) -> str:
    """The description of a binding in ``script``."""
    words = _BINDING_WORDS.get(binding_id)
    return pick(words, script) if words is not None else default


def getting_ready(script: Script, total: int) -> str:
    """The status line while the search index of a large dataset is being built and a search waits for it."""
    return tr("search_getting_ready", script, total=total)
