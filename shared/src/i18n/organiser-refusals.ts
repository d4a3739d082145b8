import { defineNamespace } from './messages';

/** Why the organiser API refuses a change (server errors shown on the organiser screens). */
export const organiserRefusals = defineNamespace({
  en: {
    refused: {
      idTaken: 'A record with this id already exists',
      unknownProfile: 'Unknown rules profile "{{profileId}}"',
      unknownCollege: 'College "{{college}}" is not registered; register it first',
      iinRegistered: 'A person with this IIN is already registered in this competition',
      delegationFixed:
        'Region, college and delegation are fixed once registered: they decide who is a compatriot',
      schemeFrozen: 'Marks have been recorded, so the marking scheme can no longer be replaced',
      profilePinned: 'Marks have been recorded, so the rules profile can no longer change',
      noScheme: 'This competition has no marking scheme yet',
      datesReversed: 'The championship cannot end before it starts',
      tiesUnresolved:
        '{{count}} tie(s) at a line are not decided yet: include or exclude each tied competitor',
      quotaRequired: 'A national selection needs a quota per region',
      quotaOutOfRange: 'A region sends 5 to 30 competitors to the national championship',
      unmatchedAdjustment:
        'Competitor "{{competitor}}" has no final position in competition "{{competition}}"',
      noTargetCompetition:
        'The next championship has no competition for skill {{skill}}; add it first',
      sameChampionship: 'Competitors advance to another championship, not to the same one',
      cloneSeason: 'The copy must be for a later season than the original',
      schemeEditUnknown: 'The scheme has no {{target}} "{{id}}"',
      schemeEditNotJudgement:
        'Only judgement aspects have score descriptors; {{id}} is a measurement aspect',
      schemeEditInvalid: 'After these changes the scheme would not be valid',
      schemeReasonRequired: 'Marking has started: a change of the scheme needs a reason',
    },
  },
  ru: {
    refused: {
      idTaken: 'Запись с таким идентификатором уже существует',
      unknownProfile: 'Неизвестный профиль правил «{{profileId}}»',
      unknownCollege: 'Колледж «{{college}}» не зарегистрирован; сначала добавьте его',
      iinRegistered: 'Участник с таким ИИН уже зарегистрирован в этой компетенции',
      delegationFixed:
        'Регион, колледж и делегация после регистрации не меняются: по ним определяются соотечественники',
      schemeFrozen: 'Оценки уже выставляются, поэтому схему оценки заменить нельзя',
      profilePinned: 'Оценки уже выставляются, поэтому профиль правил изменить нельзя',
      noScheme: 'У этой компетенции ещё нет схемы оценки',
      datesReversed: 'Чемпионат не может закончиться раньше, чем начнётся',
      tiesUnresolved:
        'Не решено равенство на границе отбора ({{count}}): включите или исключите каждого из равных участников',
      quotaRequired: 'Для отбора на республиканский чемпионат нужна квота на регион',
      quotaOutOfRange: 'Регион направляет на республиканский чемпионат от 5 до 30 участников',
      unmatchedAdjustment:
        'У участника «{{competitor}}» нет итогового места в компетенции «{{competition}}»',
      noTargetCompetition:
        'В следующем чемпионате нет компетенции с номером {{skill}}; сначала добавьте её',
      sameChampionship: 'Участники проходят в другой чемпионат, а не в тот же самый',
      cloneSeason: 'Копия должна быть на более поздний сезон, чем исходный чемпионат',
      schemeEditUnknown: 'В схеме нет элемента «{{id}}» ({{target}})',
      schemeEditNotJudgement:
        'Описания баллов есть только у судейских аспектов; {{id}} — измеримый аспект',
      schemeEditInvalid: 'После этих изменений схема оценки станет некорректной',
      schemeReasonRequired: 'Оценивание уже началось: для изменения схемы укажите причину',
    },
  },
  kk: {
    refused: {
      idTaken: 'Осындай идентификаторы бар жазба бұрыннан бар',
      unknownProfile: '«{{profileId}}» ережелер профилі белгісіз',
      unknownCollege: '«{{college}}» колледжі тіркелмеген; алдымен оны қосыңыз',
      iinRegistered: 'Осы ЖСН-мен адам бұл құзыретте бұрыннан тіркелген',
      delegationFixed:
        'Өңір, колледж және делегация тіркелгеннен кейін өзгермейді: жерлестер солар бойынша анықталады',
      schemeFrozen: 'Бағалар қойыла бастады, сондықтан бағалау схемасын ауыстыруға болмайды',
      profilePinned: 'Бағалар қойыла бастады, сондықтан ережелер профилін өзгертуге болмайды',
      noScheme: 'Бұл құзыреттің әлі бағалау схемасы жоқ',
      datesReversed: 'Чемпионат басталмай тұрып аяқтала алмайды',
      tiesUnresolved:
        'Іріктеу шегіндегі теңдік ({{count}}) шешілмеген: тең қатысушылардың әрқайсысын қосыңыз немесе шығарыңыз',
      quotaRequired: 'Республикалық чемпионатқа іріктеу үшін өңірге квота қажет',
      quotaOutOfRange: 'Өңір республикалық чемпионатқа 5-тен 30-ға дейін қатысушы жібереді',
      unmatchedAdjustment:
        '«{{competitor}}» қатысушысының «{{competition}}» құзыретінде қорытынды орны жоқ',
      noTargetCompetition: 'Келесі чемпионатта {{skill}} нөмірлі құзырет жоқ; алдымен оны қосыңыз',
      sameChampionship: 'Қатысушылар сол чемпионатқа емес, басқа чемпионатқа өтеді',
      cloneSeason: 'Көшірме бастапқы чемпионаттан кейінгі маусымға арналуы тиіс',
      schemeEditUnknown: 'Схемада «{{id}}» элементі жоқ ({{target}})',
      schemeEditNotJudgement:
        'Балл сипаттамалары тек сараптамалық аспектілерде болады; {{id}} — өлшенетін аспект',
      schemeEditInvalid: 'Бұл өзгерістерден кейін бағалау схемасы дұрыс болмайды',
      schemeReasonRequired: 'Бағалау басталып кетті: схеманы өзгерту үшін себебін көрсетіңіз',
    },
  },
});
