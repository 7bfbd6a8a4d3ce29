"""The phrases in which OpenCC's ``hk2s`` converts a character otherwise than it converts the character alone.

批覆 becomes 批复 while 覆 alone stays 覆; 乾隆 keeps 乾 while 乾 alone becomes 干. Folding converts each character on
its own (see :mod:`hkqh_tui.core.search.folding`), which is the same as converting the whole text except in a text
that contains one of these phrases: such a text is converted whole.

The lists come from the phrase dictionaries of the installed OpenCC (TSPhrases and HKVariantsRevPhrases, read with
its ``opencc_dict`` tool), keeping the phrases whose conversion differs from the conversion of their characters one by
one. tests/core/search/test_folding.py reads the installed OpenCC's dictionaries the same way and fails when a phrase
or a character is missing here. A phrase missing from the lists would only be converted character by character, in
the dataset and in queries alike.
"""

from __future__ import annotations

CHARACTERS = "么乾俱剋劄吒哩噁坏彷徵扞於昇氾沈濛甦畫瞭祕脩蒐薹藉袷覆計谿逕釐鉅鍊鍾陞麼麽"
"""Every character that one of :data:`PHRASES` converts otherwise than alone."""

PHRASES = frozenset(
    """
    一坏 一目瞭然 七逕 上逕 上鍊 不可貲計 不瞭解 么麼 么麽 九逕山 乾佑縣 乾元 乾卦 乾嘉 乾圖 乾坤
    乾坤一擲 乾坤再造 乾坤大挪移 乾宅 乾安縣 乾安鎮 乾州 乾斷 乾旦 乾曜 乾清宮 乾盛世 乾綱 乾縣 乾象
    乾造 乾道 乾闥婆 乾陵 乾隆 乾隆年間 乾隆皇帝 二噁英 以免藉口 傢俱 允祕 八濛山 其陰多蒐 凌藉 函覆
    剋架 剋毒 千鍾粟 南氾 南逕 反反覆覆 反覆 反覆思維 反覆思量 反覆性 名覆金甌 吳祕 吳育昇 哪吒 回覆
    土坏 坏土 坏子 坏布 坏戶 墨沈沈 壺裏乾坤 大目乾連冥間救母變文 宫商角徵羽 尼乾子 尼乾陀 年釐 幺麼
    幺麼小丑 幺麼小醜 康乾 張昇 張法乾 彷彿 徐胤昇 復甦 徵弦 徵絃 徵羽摩柯 徵聲 徵調 徵音 意志消沈
    憑藉 憑藉着 懷釐 手鍊 打坏 扞格 扭轉乾坤 批覆 找藉口 折戟沈沙 折戟沈河 拉坏 拉鍊 拉鍊工程 拜覆
    挨剋 捏坏 擊沈 據瞭解 於世成 於乎 於仲完 於倫 於其一 於則 於勇明 於呼哀哉 於單 於坦 於崇文
    於忠祥 於惟一 於戲 於敖 於梨華 於清言 於潛 於琳 於穆 於竹屋 於菟 於邑 於陵子 旋乾轉坤 旋轉乾坤
    旋轉乾坤之力 明瞭 明覆 昏沈 春蒐 春釐 暗沈沈 書中自有千鍾粟 朝乾夕惕 木吒 李乾德 李昇 李昇勳
    李澤鉅 李祕 李鍊福 李鍾郁 束脩 東氾 梁昇卿 梁章鉅 楊聯陞 樊於期 死氣沈沈 段脩 毛坏 水逕 氾勝之
    氾南 氾國 氾水 沈下 沈不住氣 沈住氣 沈冤 沈厚 沈吟 沈寂 沈得住氣 沈思 沈思往事 沈悶 沈沒
    沈沒成本 沈浮 沈浸 沈浸於 沈淪 沈湎 沈湎酒色 沈溺 沈滯 沈滯性 沈澱 沈澱出來 沈澱劑 沈澱法 沈澱物
    沈濁 沈甸甸 沈痛 沈痼 沈痾 沈睡 沈睡不醒 沈砂池 沈積 沈積岩 沈積石 沈筒 沈船 沈落 沈迷 沈迷不醒
    沈醉 沈重 沈降 沈陷 沈靜 沈靜下來 沈香 沈鬱 沈魚落雁 沈默 沈默不語 沈默寡言 沙逕 河逕 流徵
    浪蕩乾坤 浮沈 海哩 深沈 深沈不露 溫昇豪 滑藉 烏昇 烏沈沈 烏逕 狐藉虎威 王彥昇 珍珠項鍊 甚鉅 甦生
    甦醒 申昇勳 申覆 畢昇 盧象昇 目劄 瞭如 瞭如指掌 瞭然 瞭然於心 瞭若指掌 瞭解 瞭解到 破釜沈舟 磚坏
    示覆 社逕 祕丕笈 祕彭祖 祕瓊 祝釐 稟覆 竺乾 答覆 篤麼 簡單明瞭 籌畫 素藉 耳沈 肉脩 肘手鍊足
    胤祕 脩敬 脩炳 脩脡 脩脯 脩金 脫坏 腶脩 英哩 茅蒐 茵藉 萬鍾 落雁沈魚 蒐于紅 蒐於紅 蒐狩 蒐獮
    蒐獵 蒐田 蒐畋 蒐苗 蒜薹 蔣昇 蕓薹 蕭乾 藉代 藉以 藉助 藉助於 藉卉 藉口 藉喻 藉寇兵
    藉寇兵齎盜糧 藉手 藉據 藉故 藉故推辭 藉方 藉條 藉槁 藉機 藉此 藉此機會 藉甚 藉由 藉着 藉端
    藉端生事 藉箸代籌 藉草枕塊 藉詞 藉讀 藉資 袁祕 袖裏乾坤 袷袢 製坏 覆信 覆呈 覆命 覆墓 覆帳 覆按
    覆文 覆校 覆電 見覆 角徵 角徵羽 計畫 變徵 變徵之聲 變徵之音 谿工 赤石逕 踅門瞭戶 躪藉 載沈載浮
    載浮載沈 辛祕 逆釐 逕口 逕聯 逕頭 郭子乾 酒逢知己千鍾少 醞藉 重覆 金吒 金昇玟 金鍊 鈞覆 鉅子
    鉅萬 鉅防 鉸鍊 銀鍊 鋼坏 錢鍾書 鍊墜 鍊子 鍊形 鍊條 鍊錘 鍊鎖 鍛鍾 鍾繇 鍾萬梅 鍾重發 鍾鍛
    鍾馗 鎖鍊 鐵鍊 鑽石項鍊 鑿坏 閻鶴昇 陰沈 陰沈沈 陰陰沈沈 陳志昇 陳昇 陶坏 雁杳魚沈 電覆 韓昇延
    項鍊 頸鍊 顛乾倒坤 顛倒乾坤 顧藉 魏徵 魚沈雁杳 麪坏兒 麼些族 黃鍾公 黑沈沈 龔昇    """.split()
)
"""The phrases, 407 of them in OpenCC 1.4.2 (many are names: 錢鍾書, 魏徵)."""
