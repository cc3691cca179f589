"""Cue families widened after the tenth to twelfth blind probes (README: families after the
ninth probe, continued), in en, es, so and hmn.

Emergency: a limb bent the wrong way or a bone out; rocks thrown off an overpass at traffic;
a confused elder on the freeway or a person with dementia who wandered off (and the cold);
a person grabbed by the arm who is not let go; a worker locked in a room by the employer; a
child who never reached school or went to meet a man met online; speech suddenly jumbled; a
fall from a window, a balcony or a ladder; thieves under a car with a saw; a car window
punched with people inside; children playing with a real gun; a person pulled into a car
that then drove off; a car stolen with a child in it; driving drunk with the children; hard
to wake or pills taken "thinking they were candy" (outranks a crisis); a driver running me
off the road; "help, he is back"; a fire that came back or embers that caught the shed;
a power line down on a car; a toddler on a window ledge; a dog set on a child; a robber
demanding the drawer; an armed stranger on a roof; a knife that will not be put down.

Crisis: worth more dead (life insurance); a wish to be dead said of someone else; the last
message I will ever send; a rope bought and "I know what it is for"; the tv talking to
her, voices loud in the head, climbing out of the window in fear; "I have lived long
enough" with pills hidden; looking down from a roof; cutting as the only thing that helps;
voices telling me to end it; walking into the lake; not making it to my birthday and being
at peace with it; how long it takes to bleed out; "it is better this way"; no point in
reporting, I will not be around to see it fixed; easier if I were not here; stop existing;
finish what he started after the psych ward; banging the head and not stopping; "if I do
not answer tomorrow" and passwords left; cannot live with it; a photo of pills that said
bye; "hes ending it" + "I think he means it". Delusions about the people around ("the
neighbors are demons") with an attempt to set a fire stay a crisis (en.fire.attempt does
not outrank a crisis).

Look-alikes kept none: "my boss will kill me for being late", "gonna kill my brother for
leaving the garage open", a threat dated after the fact, "my chest hurts from laughing", a
past knifepoint robbery "but I'm ok now", "sounds like a dying whale", "od'd on coffee",
"an overdose of paperwork", the tool the burglars left behind, a stolen epipen or inhaler,
killed in a video game, "like banging my head against a wall", a bloody nose in a fight
that is over, "won't let me leave without paying", a dead phone (hmn), damage minimized
with xwb (hmn), a photo of the smashed car (hmn). Sentences are written for these tests;
none comes from a measuring set.

These tests check the cue rules themselves, so they read with the learned backstop switched
off (settings.yaml `model`); the backstop has its own tests (tests/safety/test_model.py).
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import pytest

from bot.safety import CRISIS, EMERGENCY, NONE, CueSet, assess, load_cues


@cache
def cues_only() -> CueSet:
    return replace(load_cues(), model=None)


def level(text: str) -> str:
    return assess(text, cues=cues_only()).level


@pytest.mark.parametrize("text", [
    # a limb bent the wrong way, a bone out
    'my brother crashed his dirt bike and his arm is bent the wrong way',
    'theres a bone sticking out of her shin, she slipped on the ice',
    'a car clipped a kid on a scooter, his leg looks broken and hes screaming',
    'chocamos y a mi amigo se le ve el hueso de la pierna',
    'shil baa dhacay, walaalkay lugtiisa way jabtay oo lafta ayaa soo baxday',
    'peb sib tsoo tsheb, kuv tus kwv txhais ceg lov thiab pob txha tawm',
    # objects thrown at traffic
    'teens throwing bricks off the footbridge onto cars right now',
    'unos chavos estan aventando piedras desde el puente a los carros',
    'carruur ayaa dhagaxyo ku tuuraya gaadiidka buundada dusheeda hadda',
    'cov tub hluas tab tom muab pob zeb pov rau cov tsheb saum choj',
    # elders wandering, dementia, cold
    'confused old lady wandering in the middle of the highway by exit 12',
    'my mom has alzheimers and wandered off, its freezing out',
    'un viejito en pijama caminando en medio de la autopista',
    'mi papa tiene demencia y se salio de la casa, esta helando y anda sin chamarra',
    'oday wareersan ayaa waddada weyn dhex socda',
    'aabahay xusuus laaan ayuu qabaa wuuna lumay',
    'ib tug yawg laus taug kev hauv nruab nrab txoj kev loj',
    'kuv txiv muaj dementia thiab nws ploj lawm',
    # grabbed and held, locked in
    'this guy keeps grabbing my wrist at the bus stop and wont let me leave',
    'he grabbed my daughter by the arm and wont let go',
    'my boss locks me in the storage room and took my passport',
    'un tipo me agarro del brazo y no me suelta',
    'mi patron me encierra en la bodega y me quito el pasaporte',
    'nin ayaa gacanta iga qabtay oo i sii dayn waayay',
    'shaqo bixiyahaygu qolka ayuu igu xiraa',
    'ib tug txiv neej tuav kuv txhais tes tsis tso',
    'kuv tus nai xauv kuv hauv chav',
    # a child who never arrived, an online stranger
    'my 13 year old went to meet a guy she met on discord and shes not answering',
    'school called, my son never made it to school and he walks alone',
    'de la escuela me llamaron, mi hija de 8 anos no llego',
    'dugsiga ayaa ii soo wacay, gabadhayda dugsiga ma iman',
    'tsev kawm ntawv hu tuaj hais tias kuv tus ntxhais tsis tuaj txog tsev kawm ntawv',
    # speech jumbled, face fallen (stroke)
    'my dads speech is all garbled and he cant find his words',
    'mi abuelo habla enredado de repente',
    'aabahay hadalkiisu wuu isku qasan yahay',
    'niam hais tsis taus lus, nws qhov ncauj nkhaus ib sab',
    # a fall from a height
    'grandma fell off the ladder cleaning the gutters',
    'my toddler fell out of the second floor window',
    'mi hijo se cayo por la ventana del segundo piso',
    'wiilkayga ayaa daaqadda dabaqa labaad ka dhacay',
    'kuv tus tub poob saum qhov rais txheej ob',
    # thieves under a car, a car attacked with people inside
    'two guys under my truck with a sawzall right now',
    'the same dude is back trying the doors of my neighbors van right now',
    'hay dos tipos debajo de mi troca con una sierra ahorita',
    'laba nin ayaa gaariga hoostiisa ku jira miinshaar wata hadda',
    'ob tug txiv neej nyob hauv qab kuv lub tsheb txiav hlau tam sim no',
    'some dude is pounding on my window with me and my kids inside the car',
    'un hombre esta golpeando la ventana del carro conmigo adentro',
    'nin ayaa daaqadda gaariga garaacaya anigoo gudaha ku jira',
    'ib tug txiv neej ntaus kuv lub qhov rais tsheb thaum kuv tseem nyob hauv',
    # children with a real gun
    'neighbor kids are playing with a loaded pistol in the yard',
    'two boys on the steps waving a handgun, pointing it at people walking by',
    'los ninos del vecino estan jugando con una pistola de verdad',
    'carruurta deriska ayaa qori ku ciyaaraya',
    'cov menyuam tab tom ua si nrog rab phom tiag',
    # pulled into a car, a car stolen with a child, drunk with the kids
    'my friend just got shoved into a white van on main st and they sped away',
    'they stole my car and my 2 year old is still in the back seat',
    'he is driving drunk with the kids in the back',
    'se robaron mi carro con mi bebe adentro',
    'mi esposo va manejando borracho con los ninos',
    'gaarigayga waa la xaday ilmahayguna gudaha ayuu ku jiraa',
    'ninkaygu isagoo sakhraansan ayuu carruurta gaariga ku wadaya',
    'lawv nyiag kuv lub tsheb thiab kuv tus menyuam tseem nyob hauv',
    'nws qaug cawv tsav tsheb nrog cov menyuam tam sim no',
    # hard to wake, taken by mistake (outranks the crisis pill words)
    'my husband took a bunch of his pills by mistake and is hard to wake up',
    'my son ate some gummies thinking they were candy',
    'mi hijo se comio unas pastillas pensando que eran dulces y cuesta despertarlo',
    'kuv tus tub noj tshuaj xav tias yog khoom qab zib thiab tsa nyuaj sawv',
    # road rage, "he is back", a robbery demand, an armed stranger, a knife kept
    'some guy is trying to run me off the road on 94',
    'help hes back and banging on the door',
    'a man is demanding the register and my cashier is crying',
    'man holding a rifle up on the roof of the school',
    'my husband wont put down the knife',
    'un carro me quiere sacar de la carretera',
    'un hombre exige la caja con un cuchillo',
    'gaari ayaa waddada iga saarayo',
    # a fire that came back, a power line on a car
    'the fire we reported came back and is touching the fence',
    'embers from the neighbors yard caught our shed',
    'power lines came down on a car at the light and people are inside',
    'el fuego volvio y las brasas prendieron el cobertizo',
    'un cable de luz cayo encima de un carro con gente adentro',
    'dabkii wuu soo laabtay, guriga ayuu gaaray',
    'fiilada korontada ayaa gaari ku dhacday dad baa ku jira',
    'hluav taws rov kub dua thiab kis mus txog tsev',
    'xov hlau fais fab poob rau saum tsheb muaj neeg nyob hauv',
    # a small child on a window ledge, a dog set on a child
    'the toddler next door is standing on the window sill and the screen is out',
    'he sicced his dog on my son and it is still biting',
    'mi nino de 3 anos esta sentado en la ventana abierta',
    'el vecino le echo el perro a mi hijo y sigue mordiendo',
    'ilmo yar ayaa daaqadda furan ku fadhiya',
    'nin ayaa eygiisa igu soo diray wuuna weli qaniinaya',
    'kuv tus menyuam zaum ntawm qhov rais',
    'nws tso nws tus dev tom kuv tus tub',
    # more of the same families: groping at a child, a droopy face, a magnet swallowed,
    # he knows where she lives and is outside, a toddler in the pool alone, gun slang
    'a stranger keeps grabbing at my niece in the parking lot',
    'her mouth looks all crooked and she cant lift her arm',
    'my 6 year old swallowed two magnets from his brothers toy',
    'some man keeps texting her that he knows where she lives and hes outside now',
    'the little boy next door is in the pond by himself and i cant see him',
    'yo two dudes with a blicky by the laundromat right now',
    'alguien se metio a la casa y estamos escondidos en el bano',
])
def test_emergency_families(text: str) -> None:
    assert level(text) == EMERGENCY


@pytest.mark.parametrize("text", [
    # worth more dead
    'my dad keeps saying the family would get more from his insurance if he was dead',
    'im worth more dead than alive honestly',
    'valgo mas muerto, el seguro de vida les paga si me muero',
    'caymiska nolosha ayaa qoyska la siinayaa haddii aan dhinto',
    'nyiaj pov hwm yuav them rau kuv tsev neeg yog kuv tuag',
    # a wish to be dead, said of someone else
    'my sister says she wishes she were dead',
    'i want to literally be dead',
    'mi hijo dice que quisiera estar muerto',
    'wiilkaygu wuxuu leeyahay wuxuu jeclaan lahaa inuu dhinto',
    # the last message, notes written
    'this is the last text ill ever send',
    'este es el ultimo mensaje que voy a mandar',
    'i just finished my letters to my kids',
    # means and a knowing hint, a photo of means with a goodbye
    'got a rope at the hardware store. i know exactly what its for',
    'i bought pills today and i know what im going to do with them',
    'she sent a selfie with a bottle of pills and it just said bye',
    'compre una cuerda hoy. ya se para que es',
    'mi amiga me mando una foto de pastillas que decia adios',
    'xarig baan soo iibsaday, waan ogahay waxa aan u isticmaali doono',
    'kuv yuav ib txoj hlua. kuv paub tias siv ua dab tsi',
    # psychosis: the tv talking, voices, paranoia
    'my son hasnt slept in days and says the radio is talking to him, he has a knife',
    'she keeps saying the government is coming to get her and shes trying to climb out the window',
    'she thinks the neighbors are all possessed and wont eat',
    'my wife believes the neighbors are demons and wants the couch on fire to drive them out',
    'the voices keep telling me to jump',
    'mi mama no ha dormido en dias y dice que la tele le habla, tiene un cuchillo',
    'mi esposa cree que los vecinos son demonios y quiere prenderle fuego a las cortinas',
    'una voz me dice que me mate',
    'hooyaday ma seexan maalmo, waxay leedahay telefishanka ayaa la hadlaya',
    'cod ayaa ii sheegaya inaan is dilo',
    'kuv niam tsis tau pw peb hmo thiab hais tias lub tv hais lus rau nws',
    # lived long enough, pills hidden
    'my mom keeps saying shes lived long enough and she stopped taking her heart pills',
    'mi abuelo dice que ya vivio demasiado y tiene pastillas escondidas en un calcetin',
    'awoowe wuxuu leeyahay cimri dheer baan noolaaday, kiniinkiisana wuu qariyay',
    'kuv yawg hais tias nws nyob ntev txaus lawm thiab nws zais tshuaj',
    # looking down from a height, just thinking about it
    'sitting on the roof of my building, keep looking down',
    'out on my balcony on the 14th floor, just thinking about it',
    'estoy en la azotea del estacionamiento y no dejo de mirar hacia abajo',
    'waxaan joogaa saqafka dhismaha, hoos baan u eegayaa',
    'kuv sawv saum ru tsev thiab ntsia hauv qab',
    # self-harm as coping
    'burning myself is the only thing that calms me down',
    'i keep cutting and it wont stop bleeding',
    'cortarme es lo unico que me ayuda',
    'is goynta ayaa i caawisa',
    'txiav kuv tus kheej tsuas yog pab kuv',
    # into the water, a high place that looks peaceful
    'thinking about walking into the river tonight',
    'the tracks behind my place look so peaceful tonight, might go out there',
    'estoy pensando en meterme al lago y no salir',
    'waxaan rabaa inaan badda iska galo',
    'kuv xav taug kev mus rau hauv tus dej hmo no',
    # not living to a date
    'i dont think ill make it to christmas and im at peace with that',
    'no creo llegar a mi cumpleanos y ni me da tristeza',
    'dhalashadayda ma gaari doono, waanan ku qanacsanahay',
    'kuv tsis txog kuv hnub yug, kuv tsis tu siab li',
    # how long to bleed out
    'how long does it take to bleed out from your wrist',
    'cuanto tarda uno en desangrarse',
    'los ntshav ntev npaum li cas thiaj tuag',
    # better this way, things given away
    'its easier this way, gave my dog to my neighbor',
    'my roommate locked himself in the bathroom and said dont come in, its better this way',
    'my wife gave away her rings and says she wont need them soon',
    'paid back everyone i owe and found a home for my cat',
    'regale mi perro, es mejor asi',
    'sidan ayaa ka wanaagsan qof walba, eygayga waan bixiyay',
    'kuv muab kuv tus dev rau kuv tus phooj ywg lawm, zoo dua li no',
    # no point reporting, not around to see it, easier if I were gone
    'whats the point of reporting, i wont be around to see anything fixed',
    'everything would be easier if i wasnt around',
    'i should just stop existing',
    'tired of being a burden to everyone',
    'not planning on being alive next month anyway so whatever',
    'para que reporto, ya no voy a estar aqui cuando lo arreglen',
    'seria mas facil si yo no estuviera',
    'jeclaan lahaa inaan jirin',
    # finish what he started after the psych ward
    'he just got released from the psych hold and says hell finish what he started',
    'salio del psiquiatrico y dice que va a terminar lo que empezo',
    'wuxuu ka soo baxay isbitaalka dhimirka, wuxuu leeyahay wuxuu dhammeeyo wixii uu bilaabay',
    'nws tawm tsev kho mob puas hlwb los thiab hais tias nws yuav ua kom tiav yam nws pib lawm',
    # head banging
    'he keeps banging his head on the floor and wont stop',
    'se golpea la cabeza contra la pared y no para',
    'nws muab taub hau tsoo phab ntsa tsis nres',
    # if I do not answer, passwords left
    'if i dont answer by tomorrow morning my bank info is in the top drawer',
    'si no contesto manana, mis contrasenas estan en el cajon',
    'haddii aanan berri ka jawaabin, passwordka wuxuu ku jiraa khaanadda',
    'yog kuv tsis teb tag kis, lo lus zais nyob hauv lub txee',
    # cannot live with it
    'cant live with myself after what i did',
    'ya no puedo vivir con esto, tiene la pistola en la mano',
    'tan kuma noolaan karo mar dambe, qorigiisa ayuu haystaa',
    'kuv nyob tsis taus nrog qhov no lawm, kuv muaj hlua npaj lawm',
    # he is ending it and means it; a goodbye in another world and no answer
    'my friend says shes ending it tonight and i think she means it',
    'nws xa daim duab tshuaj thiab hais tias sib ntsib dua lwm ntiaj teb',
    # a bare goodbye with no answer, nothing left and the pills out
    'it was nice knowing you all. bye guys',
    'he texted its over for me and now hes not picking up',
    'i have nothing left. all my pills are lined up on the nightstand',
])
def test_crisis_families(text: str) -> None:
    assert level(text) == CRISIS


@pytest.mark.parametrize("text", [
    # hyperbolic threats over petty things, a threat dated after the fact
    'my boss is going to murder me if im late again, my bike got stolen at the station',
    'my coach is gonna kill me for missing practice, someone slashed my tires',
    'im gonna kill my sister for leaving the gate open, the dog got out and my hose is gone',
    'my lil bro said hes gonna kill me for taking his charger lol',
    'he threatened to hurt me over the driveway but that was two months ago, just need a record',
    'mi jefe me va a matar por llegar tarde',
    'voy a matar a mi hermano por dejar la cochera abierta',
    'macallinku wuu i dili doonaa haddii aan daaho',
    'kuv tus thawj coj yuav tua kuv yog kuv tuaj lig',
    # laughing pains
    'my chest hurts from laughing so hard at this',
    'me duele la panza de tanto reir',
    'laabta ayaa i xanuunaysa qosol',
    'kuv luag kom mob plab',
    # a past armed robbery, a car that sounds like it is dying
    'got held up at knifepoint near the park in june but im ok now, just filing late',
    'the car sounds like a dying whale since they stole the converter',
    'el carro suena como un dragon muriendose desde que robaron el catalitico',
    # overdose as hyperbole
    'i overdosed on coffee this morning lol, anyway my bike is gone',
    'an overdose of paperwork for one stolen plate',
    'sobredosis de cafe hoy jaja, me robaron la bici',
    # a tool left behind, a medical item stolen as property
    'the hammer they used to break the window is still in my yard',
    'the crowbar they left behind is on my porch, should i bag it for evidence',
    'someone stole my daughters inhaler from her backpack, we got a spare',
    'they took the epipen case out of my glovebox along with my sunglasses',
    'me robaron el inhalador de mi hijo de la mochila',
    'buufinta wiilkayga waa la xaday gaariga',
    # video games
    'we were playing fortnite and i got killed like 20 times lol, anyway my tire was slashed',
    'me mataron 20 veces en el fortnite jaja, pero me robaron el carro',
    'kuv ua si fortnite raug tua 10 zaug lol',
    # idioms and everyday senses of the new words
    'dealing with this landlord is like banging my head against a wall',
    'there was a fight saturday night, one guy got a black eye, everyone left',
    'the parking garage wont let me leave without paying',
    'el estacionamiento no me deja salir sin pagar',
    'the tow lot wont let me get my car until i pay 300',
    'my dog grabbed the leash and wont let go lol',
    'the chair leg is broken, can you add that to the damage report',
    'i broke my arm last year and still cant lift much',
    'kids threw rocks at my car last week, dent on the hood',
    'my grandpa has dementia so i am filing this for him, his car was keyed',
    'a guy he met on facebook marketplace sold him a stolen bike',
    'my daughter didnt make it to school on time because a car blocked the bus',
    'the words on the parking sign are all mixed up',
    'my phone fell off the balcony and cracked',
    'they cut the catalytic converter off my car last night',
    'someone smashed my car window while i was inside the store',
    'kids playing with a water gun spraying the cars lol',
    'they stole my car last week, thank god my baby wasnt in it',
    'my neighbor drives drunk with his kids all the time, can i report that',
    'when hes back from vacation ill ask him to move his car',
    'ill put down the knife and answer in a sec, cooking dinner',
    'this is the last message ill send about the pothole, nobody fixes it',
    'got a new lock for the shed, i know what its for lol',
    'we have lived here long enough to know the parking rules',
    'i keep looking down at my phone while walking lol',
    'i already wrote my note on the windshield for the guy who hit my car',
    'i will finish what i started with the fence repair',
    'my friends keep telling me to end it with him',
    'cutting coupons helps me save money',
    'we are thinking about swimming in the lake this weekend',
    'how long does it take to bleed the brakes on a car',
    'how long does it take to drown a phone lol mine fell in the toilet',
    'its easier this way to get to the bus stop',
    'whats the point of reporting, cops never do anything',
    'whats the point of reporting, cops never come. i wont be around next week anyway im moving',
    'nothing ever gets better around here, why bother reporting',
    'i cant live with this noise anymore, upstairs neighbor stomps all night',
    'my girlfriend is ending it with me tonight',
    'im not planning on being here next week, going to my moms, can someone check my car',
    'drove off the pier parking lot and got a flat',
    'tired of being a burden on my neighbors asking for rides since my car got stolen',
    'my passwords are in my phone which got stolen',
    'dont think ill make it to the meeting tonight, my car was towed',
    'the insurance will cover it if the car is gone for good',
    'i bought tylenol at cvs and then someone broke my window',
    'la pata de la silla esta rota',
    'mi telefono se cayo del balcon',
    'los ninos jugando con una pistola de agua',
    'no puedo vivir con este ruido',
    'es mas facil asi para estacionar',
    'compre pastillas para el dolor de cabeza',
    'para que lo reporto si la policia no hace nada',
    'waxaan ku dabaalanayaa badda maanta',
    'kuv xav mus ua luam dej hauv pas dej',
    'kuv lub tsheb ceg lov lawm',
    'kuv yuav mus yuav ib txoj hlua los khi lub nkoj',
    # hmn: damage minimized with xwb, a dead phone, a photo of the smashed car
    'tsis muaj leej twg raug mob, tub sab tsuas rhuav kuv lub rooj vag xwb',
    'nag hmo lawv ncaws kuv lub qhov rooj tsheb xwb, tsis muaj neeg raug mob',
    'kuv lub fone tuag fais lawm, kuv yuav xa duab tag kis',
    'kuv muaj daim duab ntawm kuv lub tsheb raug nyiag lub log',
    # everyday senses of the last additions
    'its over for me lol my car got towed again',
    'nice knowing you, bike. someone stole it lol',
    'i have nothing left in my account after the tow fee',
    'my wife is outside waiting for the tow truck',
    'a guy with a strap on his bag stole my phone yesterday',
    'alguien se metio a mi cochera la semana pasada y se llevo la bici',
    'the pills are on the counter at the pharmacy, someone stole my bag',
])
def test_lookalikes_stay_none(text: str) -> None:
    assert level(text) == NONE


def test_fire_set_in_psychosis_is_a_crisis_but_a_fire_still_comes_first() -> None:
    # a fire wanted "to get the demons out", told with a delusion: the crisis team too
    assert level('he thinks the neighbors are robots and wants their fence on fire to stop them') \
        == CRISIS
    # a fire that is burning outranks the crisis told with it
    assert level('she thinks the neighbors are demons and the curtains are on fire') == EMERGENCY
    assert level('the kitchen is on fire, hes screaming hes going to kill himself') == EMERGENCY


def test_accidental_pills_outrank_the_crisis_pill_words() -> None:
    # a handful of pills is a crisis sign, but taken by mistake and hard to wake is 911
    text = 'my teen swallowed a handful of pills thinking they were advil, now hard to wake'
    assert level(text) == EMERGENCY
    assert level('she took a handful of pills on purpose and says goodbye') == CRISIS


def test_a_stranger_with_a_rifle_is_911_but_a_father_with_his_rifle_is_988() -> None:
    assert level('a guy with a rifle on the roof of the parking garage') == EMERGENCY
    text = 'my dad is on his porch with his rifle crying, says he cant live with it anymore'
    assert level(text) == CRISIS
