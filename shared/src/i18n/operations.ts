import { defineNamespace } from './messages';

/**
 * What the operator's commands say (`npm run cli -- backup | restore | log export | log verify`):
 * the verifier is meant for anyone holding an exported log, so its verdicts come in every language.
 */
export const operations = defineNamespace({
  en: {
    verify: {
      ok: 'The log of {{stream}} verifies: {{events}} events, last hash {{head}}.',
      broken:
        'The log of {{stream}} is broken at event {{seq}} (line {{line}} of the file): $t(verify.reason.{{reason}}).',
      empty: 'The file holds no events.',
      headMatches: 'The last hash is the published head.',
      headDiffers:
        'The last hash is not the published head {{expected}}: events were removed from the end of the file, or added after the head was published.',
      compare:
        'Compare the last hash with the head published on the board or in the signed protocol: only that shows that no event was cut from the end.',
      reason: {
        seq_gap: 'an event is missing here, or two events are out of order',
        wrong_stream: 'this event belongs to the log of another competition',
        prev_hash_mismatch: 'the event before it was replaced',
        hash_mismatch: 'this event was altered after it was recorded',
        unreadable: 'this line is not an event of the log',
      },
    },
    export: {
      done: 'Wrote {{events}} events of {{stream}} to {{file}} (last hash {{head}}).',
      noLog: 'The store holds no log for the competition {{stream}}.',
    },
    backup: {
      done: 'Backed up {{events}} events of {{streams}} logs to {{file}} ({{size}} bytes); every chain in the copy verifies.',
      mongo:
        'The store is MongoDB (MONGODB_URI): back it up with mongodump; this command copies the SQLite file of DATA_DIR.',
      noStore: 'There is no store to back up in {{dir}}.',
      exists: '{{file}} already exists: name a new file.',
      noFolder: 'The folder {{dir}} does not exist: create it, or name a file in another one.',
      broken:
        'The copy does not verify ({{problem}}); nothing was kept. Run log/verify on the server.',
    },
    restore: {
      done: 'Restored {{events}} events of {{streams}} logs from {{file}} into {{dir}}; every chain verifies.',
      next: 'Start the server, then open log/verify of each competition (it compares the snapshots and the state with the log).',
      keptAside: 'The store that was there is kept as {{file}}.',
      mongo:
        'The store is MongoDB (MONGODB_URI): restore it with mongorestore; this command restores the SQLite file of DATA_DIR.',
      missing: 'There is no backup file at {{file}}.',
      notEmpty:
        '{{dir}} is not empty ({{entries}}): restore into a new DATA_DIR, or pass --force to replace the store there (the old one is kept beside it).',
      inUse:
        'The store in {{dir}} is open in another process (the server?): stop it before restoring.',
      refused: 'The backup does not verify, nothing was changed: {{problem}}',
      problem: {
        notSqlite: 'the file is not an SQLite database',
        integrity: 'the database is damaged ({{detail}})',
        notAshyq: 'the database is not an Ashyq store',
        chain: 'the log of {{stream}} is broken at event {{seq}}: $t(verify.reason.{{reason}})',
      },
    },
  },
  ru: {
    verify: {
      ok: 'Журнал {{stream}} проверен: событий {{events}}, последний хеш {{head}}.',
      broken:
        'Журнал {{stream}} нарушен на событии {{seq}} (строка {{line}} файла): $t(verify.reason.{{reason}}).',
      empty: 'В файле нет событий.',
      headMatches: 'Последний хеш совпадает с опубликованным.',
      headDiffers:
        'Последний хеш не совпадает с опубликованным {{expected}}: события удалены из конца файла или добавлены после публикации.',
      compare:
        'Сравните последний хеш с опубликованным на табло или в подписанном протоколе: только так видно, что из конца журнала ничего не удалено.',
      reason: {
        seq_gap: 'здесь пропущено событие или два события переставлены',
        wrong_stream: 'это событие из журнала другой компетенции',
        prev_hash_mismatch: 'предыдущее событие было подменено',
        hash_mismatch: 'событие изменено после записи',
        unreadable: 'эта строка не является событием журнала',
      },
    },
    export: {
      done: 'В {{file}} записано событий {{stream}}: {{events}} (последний хеш {{head}}).',
      noLog: 'В хранилище нет журнала компетенции {{stream}}.',
    },
    backup: {
      done: 'Резервная копия {{file}}: событий {{events}}, журналов {{streams}}, {{size}} байт; все цепочки копии проверены.',
      mongo:
        'Хранилище — MongoDB (MONGODB_URI): делайте копию через mongodump; эта команда копирует файл SQLite из DATA_DIR.',
      noStore: 'В {{dir}} нет хранилища для копирования.',
      exists: '{{file}} уже существует: укажите новый файл.',
      noFolder: 'Папки {{dir}} нет: создайте её или укажите файл в другой папке.',
      broken:
        'Копия не прошла проверку ({{problem}}), она не сохранена. Запустите log/verify на сервере.',
    },
    restore: {
      done: 'Из {{file}} в {{dir}} восстановлено событий {{events}}, журналов {{streams}}; все цепочки проверены.',
      next: 'Запустите сервер и откройте log/verify каждой компетенции (он сверяет снимки и состояние с журналом).',
      keptAside: 'Прежнее хранилище сохранено как {{file}}.',
      mongo:
        'Хранилище — MongoDB (MONGODB_URI): восстанавливайте через mongorestore; эта команда восстанавливает файл SQLite в DATA_DIR.',
      missing: 'Файла резервной копии {{file}} нет.',
      notEmpty:
        '{{dir}} не пуст ({{entries}}): восстановите в новый DATA_DIR или укажите --force, чтобы заменить хранилище (прежнее останется рядом).',
      inUse:
        'Хранилище в {{dir}} открыто другим процессом (сервером?): остановите его перед восстановлением.',
      refused: 'Копия не прошла проверку, ничего не изменено: {{problem}}',
      problem: {
        notSqlite: 'файл не является базой SQLite',
        integrity: 'база повреждена ({{detail}})',
        notAshyq: 'база не является хранилищем Ashyq',
        chain: 'журнал {{stream}} нарушен на событии {{seq}}: $t(verify.reason.{{reason}})',
      },
    },
  },
  kk: {
    verify: {
      ok: '{{stream}} журналы тексерілді: {{events}} оқиға, соңғы хеш {{head}}.',
      broken:
        '{{stream}} журналы {{seq}}-оқиғада бұзылған (файлдың {{line}}-жолы): $t(verify.reason.{{reason}}).',
      empty: 'Файлда оқиға жоқ.',
      headMatches: 'Соңғы хеш жарияланған хешпен сәйкес.',
      headDiffers:
        'Соңғы хеш жарияланған {{expected}} хешімен сәйкес емес: файлдың соңынан оқиғалар өшірілген немесе жарияланғаннан кейін қосылған.',
      compare:
        'Соңғы хешті таблода немесе қол қойылған хаттамада жарияланған хешпен салыстырыңыз: журналдың соңынан ештеңе өшірілмегенін тек осылай көруге болады.',
      reason: {
        seq_gap: 'мұнда бір оқиға жоқ немесе екі оқиғаның орны ауыстырылған',
        wrong_stream: 'бұл оқиға басқа құзыреттің журналынан',
        prev_hash_mismatch: 'алдыңғы оқиға ауыстырылған',
        hash_mismatch: 'оқиға жазылғаннан кейін өзгертілген',
        unreadable: 'бұл жол журнал оқиғасы емес',
      },
    },
    export: {
      done: '{{file}} файлына {{stream}} журналының {{events}} оқиғасы жазылды (соңғы хеш {{head}}).',
      noLog: 'Қоймада {{stream}} құзыретінің журналы жоқ.',
    },
    backup: {
      done: '{{file}} сақтық көшірмесі: {{events}} оқиға, {{streams}} журнал, {{size}} байт; көшірменің барлық тізбегі тексерілді.',
      mongo:
        'Қойма — MongoDB (MONGODB_URI): көшірмені mongodump арқылы жасаңыз; бұл команда DATA_DIR ішіндегі SQLite файлын көшіреді.',
      noStore: '{{dir}} ішінде көшіретін қойма жоқ.',
      exists: '{{file}} бұрыннан бар: жаңа файл атын беріңіз.',
      noFolder: '{{dir}} қалтасы жоқ: оны жасаңыз немесе басқа қалтадағы файлды атаңыз.',
      broken:
        'Көшірме тексеруден өтпеді ({{problem}}), ол сақталмады. Серверде log/verify іске қосыңыз.',
    },
    restore: {
      done: '{{file}} файлынан {{dir}} ішіне {{events}} оқиға, {{streams}} журнал қалпына келтірілді; барлық тізбек тексерілді.',
      next: 'Серверді іске қосып, әр құзыреттің log/verify бетін ашыңыз (ол суреттер мен күйді журналмен салыстырады).',
      keptAside: 'Бұрынғы қойма {{file}} ретінде сақталды.',
      mongo:
        'Қойма — MongoDB (MONGODB_URI): mongorestore арқылы қалпына келтіріңіз; бұл команда DATA_DIR ішіндегі SQLite файлын қалпына келтіреді.',
      missing: '{{file}} сақтық көшірме файлы жоқ.',
      notEmpty:
        '{{dir}} бос емес ({{entries}}): жаңа DATA_DIR ішіне қалпына келтіріңіз немесе қойманы ауыстыру үшін --force беріңіз (бұрынғысы қасында сақталады).',
      inUse:
        '{{dir}} ішіндегі қойма басқа процесте ашық (сервер ме?): қалпына келтірмес бұрын оны тоқтатыңыз.',
      refused: 'Көшірме тексеруден өтпеді, ештеңе өзгертілмеді: {{problem}}',
      problem: {
        notSqlite: 'файл SQLite дерекқоры емес',
        integrity: 'дерекқор бүлінген ({{detail}})',
        notAshyq: 'дерекқор Ashyq қоймасы емес',
        chain: '{{stream}} журналы {{seq}}-оқиғада бұзылған: $t(verify.reason.{{reason}})',
      },
    },
  },
});
