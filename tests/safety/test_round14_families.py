"""Cue fixes after the blind training sets r137-r140 and r143-r146 (written in session 13,
measured on arrival). The sentences here are our own.

Kept none: a crew "shooting" a commercial or someone who "shot a video" of a thief; "no one
was shot" and "nobody got stabbed" said as a denial; being locked out of a room or a car; a
driver who hit a parked car and "left a note" saying sorry; "the bloody parking meter" as a
swear word. In Somali, an exam or a night shift that "is killing me" (i dileysaa) and the
ambulance bay (meesha ambalaasta) as a place to park; in Hmong, "raug ntaus lub iav" (the
window got hit): "lub" and "daim" name things, not people.

Now escalated: a molotov or firebomb thrown; a nosebleed or a cut that will not stop.

Second batch. Kept none: a screen or knees that are "shot"; a road sign shot full of holes; the
Bloody Mary truck; a gun tattoo; "overdosed on cold brew"; "sounded like gunshots but it
was fireworks"; someone's "seizure meds" stolen; in Somali, "gubtay" (burned) told after the
fire was put out. Now escalated: a gas line hit and blowing; someone buried under snow; a
threat to "blow the whole place up". Crisis: wishing an accident "had finished me off";
asking whether drowning hurts.

Third batch, all escalated: a broken ankle or hip and "cant walk"; a neighbor who "has been
dead in there"; a rip current pulling swimmers out; someone forced into a car; being
followed for blocks; surrounded by people with a bat; a child who "says he'll try again"
after an attempt (crisis).

Fourth batch, kept none: "jumped out of my skin"; "im gonna kill him (not literally)"; "thought
I was having a heart attack when I saw the bill"; a bike that "was chained up"; burning trash
in a barrel; a dog hit by a car; Spanish "me va a matar de un susto".

Fifth batch: "I can't breathe" said of oneself no longer outranks a crisis told with it (a
panic attack with thoughts of self-harm gets the crisis reply, with 911 and 988); said of
someone else ("my son cant breathe") it still goes to 911 first.

Seventh batch, kept none: "murder me at fantasy football", a hostage movie, shot with a nerf
gun, shooting at targets, "shot my whole vibe", "bloody as hell", "I used to have suicidal
thoughts but I'm good now", a drunk man passed out "breathing fine", the fire department
"put out the car fire"; Spanish "se quemo" (it burned) told after the fact and a "pistola de
balines" (BB gun).

Eighth batch, kept none: "dying inside", "died laughing", a phone that is dying; "bleeding
money"; a fish that was bleeding, bloody Halloween masks; a lawn gnome "kidnapped"; a week
that was "a dumpster fire"; "an overdose of spam texts", news about overdoses, poisoned
tomato plants; "whoever is stealing packages", "people keep stealing"; fireworks shot at a
car, shooting dice, "shot by a speed camera", a window shot out with a BB gun; "nearly had a
heart attack in the 4th quarter lol".

Ninth batch, kept none: "not suicidal or anything, just venting"; "I used to think about
ending my life but I'm in a much better place now"; a noose painted as hateful graffiti; a
brother who died by suicide last year; a fire "at the feed mill" that "is out"; a copy of
the report from the house fire; a burned-out shell; a camera that is "shot"; an empty
revolver case; "heart attack when I saw the tow bill".

Pills swallowed or a deep cut by mistake get the emergency reply (911 first), not the crisis
reply: "took a double dose by accident", "por error". A wish "to not wake up" stays a crisis,
not an unconscious person.
"""

from __future__ import annotations

import pytest

from bot.safety import CRISIS, EMERGENCY, NONE, assess

# look alikes stay none and the danger beside them still escalates
# each look-alike fixed this round, with the real danger it must not hide
FIRST_LOOK_ALIKES = [
    ("a film crew is shooting a commercial on our block and took every parking spot", None, NONE),
    ("my cousin shot a quick video of the guy who took my mail yesterday, want it?", None, NONE),
    ("someone is shooting at the houses on our block right now", None, EMERGENCY),
    ("no one was shot, it was fireworks. but my windshield got cracked by one", None, NONE),
    ("nobody got stabbed, the fight ended, they broke the bus shelter glass though", None, NONE),
    ("my brother was stabbed outside the bar and no one is helping", None, EMERGENCY),
    ("im locked out of my apartment, the landlord has the spare key", None, NONE),
    ("my ex locked me out of the house and kept my car keys", None, NONE),
    ("were locked in the bathroom, he is kicking the door", None, EMERGENCY),
    ("someone dented my bumper and left a note on my windshield that said sorry", None, NONE),
    ("the bloody parking meter ate my quarters again", None, NONE),
    ("he is covered in blood and cant stand up", None, EMERGENCY),
]

# fire bombs bleeding that will not stop and accidents get the 911 reply
FIRE_BOMBS_BLEEDING_AND_ACCIDENTS = [
    ("a guy just threw a molotov cocktail at the gas station", None, EMERGENCY),
    ("somebody firebombed the corner store, flames everywhere", None, EMERGENCY),
    ("my sons nosebleed wont stop, its been 40 minutes", None, EMERGENCY),
    ("the cut on my hand still wont stop bleeding", None, EMERGENCY),
    ("my grandpa took a double dose of his heart pills by mistake and he is dizzy", None,
     EMERGENCY),
    ("she swallowed some of her sleeping pills by accident, thought they were her vitamins", None,
     EMERGENCY),
    ("my wife sliced her wrist on broken glass by accident, so much blood", None, EMERGENCY),
]

# by mistake is an emergency and a wish not to wake is a crisis
BY_MISTAKE_OR_A_WISH_NOT_TO_WAKE = [
    ("mi abuela se tomo las pastillas de toda la semana por error y esta vomitando", "es",
     EMERGENCY),
    ("mi hijo se tomo todas las pastillas a proposito, dice que quiere morir", "es", CRISIS),
    ("mi hermana se tomo todas las pastillas pensando que asi se acaba todo", "es", CRISIS),
    ("mi papa se tomo las pastillas de mi mama pensando que eran las suyas", "es", EMERGENCY),
    ("i keep thinking about just not waking up tomorrow", None, CRISIS),
    ("she said she wants to not wake up and took a bunch of pills", None, CRISIS),
    ("my dad is not waking up, he is on the floor", None, EMERGENCY),
]

# somali and hmong things named as things
# Somali: an exam "killing me" and the ambulance bay; Hmong: "lub" names a thing
SOMALI_AND_HMONG_THINGS = [
    ("imtixaanada fasalka ayaa i dileysa, laakiin qof ayaa baaskiilkayga xaday", "so", NONE),
    ("gaariga ayaa la dhigay meesha ambalaasta isbitaalka", "so", NONE),
    ("ninka wuu dhaawacmay, ambalaas u soo dir hadda", "so", EMERGENCY),
    ("kuv lub tsheb raug ntaus lub iav tawg nag hmo", "hmn", NONE),
    ("kuv tus tub raug ntaus hnyav tab tom los ntshav", "hmn", EMERGENCY),
]

# second batch look alikes dangers and crises
SECOND_BATCH = [
    ("my laptop screen is totally shot after the fall, and my bag was stolen", None, NONE),
    ("the stop sign on route 9 was shot full of holes again, please replace it", None, NONE),
    ("someone stole the chalkboard from the bloody mary bar on 4th", None, NONE),
    ("the guy who took my amp had a pistol tattoo on his hand", None, NONE),
    ("lol i overdosed on coffee this morning. anyway my mailbox got knocked over", None, NONE),
    ("heard what sounded like gunfire but it turned out it was fireworks at the park", None, NONE),
    ("they stole my sons seizure meds from the car, we already got a refill", None, NONE),
    ("a contractor hit the gas line in my yard and its hissing gas everywhere", None, EMERGENCY),
    ("the snowbank from the plow buried a kid who was playing in it", None, EMERGENCY),
    ("a worker is buried under the dirt in the trench on elm", None, EMERGENCY),
    ("my brother says hell blow the whole house up if anyone comes in", None, EMERGENCY),
    ("my coworker cut his hand really deep on the table saw, blood everywhere", None, EMERGENCY),
    ("i cut my finger on the broken glass cleaning up, its fine now", None, NONE),
    ("sometimes i wish that crash had finished me off", None, CRISIS),
    ("does it hurt to drown? the river is high tonight", None, CRISIS),
    ("it would be easier if i didnt wake up tomorrow", None, CRISIS),
]

# somali burned is past once the fire is out
SOMALI_BURNED_AFTER_THE_FIRE = [
    ("dab ayaa ka kacay jikada laakiin waan demisay, darbiga ayaa gubtay", "so", NONE),
    ("guriga hadda wuu gubanayaa, dadka gudaha ayay ku jiraan", "so", EMERGENCY),
]

# third batch falls the dead the sea abductions and attempts
THIRD_BATCH = [
    ("i think my mom broke her hip on the ice, she cant get up", None, EMERGENCY),
    ("my uncle might have been dead in his apartment for days, theres a smell", None, EMERGENCY),
    ("the rip current is pulling two swimmers out past the buoys", None, EMERGENCY),
    ("a man just shoved a woman into the trunk of his car on 5th", None, EMERGENCY),
    ("this car has been following me for like 8 blocks and i dont know where to go", None,
     EMERGENCY),
    ("three guys cornered me behind the store and one has a bat", None, EMERGENCY),
    ("my daughter tried to hang herself last week and now she says she'll try again", None, CRISIS),
    ("a car followed me for 10 blocks last night, i got the plate, want to report it", None, NONE),
    ("my roommate says hell try again to fix the parking sticker tomorrow", None, NONE),
]

# fourth batch idioms and animals stay none
FOURTH_BATCH = [
    ("i jumped out of my skin when the car alarm went off, then saw my mirror was gone", None,
     NONE),
    ("im gonna strangle that guy (not literally) he took my spot again", None, NONE),
    ("thought i was having a heart attack when i saw the tow bill lol", None, NONE),
    ("my bike was stolen even though it was chained up to the rack", None, NONE),
    ("my neighbor burns his leaves in a metal barrel every sunday, the smell is awful", None, NONE),
    ("the neighbors dog got hit by a truck and died, the driver sped off", None, NONE),
    ("el ruido de la obra me va a matar de un susto, y ademas me rayaron el carro", "es", NONE),
    ("my neighbor is tied up in his garage and the men are still there", None, EMERGENCY),
    ("my son got hit by a car on his bike and hes not moving", None, EMERGENCY),
    ("im gonna kill him, he hit my sister again, im getting my gun", None, EMERGENCY),
]

# short of breath said of oneself leaves a crisis a crisis
SHORT_OF_BREATH = [
    ("having a panic attack in my car, i cant breathe and i want to hurt myself", None, CRISIS),
    ("cant breathe, heart pounding, i just want it all to end", None, CRISIS),
    ("i cant breathe, my chest is tight and my left arm is numb", None, EMERGENCY),
    # pills taken on purpose keep the crisis reply (round 15), which names 911 as well
    ("my son took a bunch of pills on purpose and now he cant breathe", None, CRISIS),
    ("my husband is having trouble breathing after he swallowed all his pills", None, EMERGENCY),
]

# seventh batch games films and fires put out stay none
SEVENTH_BATCH = [
    ("my brother says hell kill me at madden tonight lol, also my bike seat got stolen", None,
     NONE),
    ("we were at a zombie movie and someone keyed my car in the lot", None, NONE),
    ("the neighbor kid shot me with a water gun lol. separate thing, my bin was stolen", None,
     NONE),
    ("my neighbor does target practice on his land all weekend, so loud", None, NONE),
    ("that tow fee shot my whole weekend, where do i appeal", None, NONE),
    ("used to be suicidal a few years back but im doing well now, just here about a tow", None,
     NONE),
    ("he passed out on the couch after the party, breathing fine, snoring loud, but someone took "
     "his car", None, NONE),
    ("the firefighters put out the dumpster fire behind my shop, now i need a report", None, NONE),
    ("se quemo el motor de mi carro la semana pasada, quiero reportar el dano", "es", NONE),
    ("alguien rompio mi ventana con una pistola de balines anoche", "es", NONE),
    ("a man passed out in the street and isnt moving", None, EMERGENCY),
    ("mi cocina se esta quemando ahora mismo", "es", EMERGENCY),
]

# eighth batch figures of speech and habits stay none
EIGHTH_BATCH = [
    ("my phone is dying, ill send the rest of the report later", None, NONE),
    ("we died laughing at the parking sign, but someone did steal our bike seat", None, NONE),
    ("this parking garage is bleeding me dry with these fees", None, NONE),
    ("the deer was bleeding but ran off into the woods, my headlight is smashed", None, NONE),
    ("someone kidnapped the inflatable snowman from our yard lol", None, NONE),
    ("my whole semester has been a dumpster fire and now my car got keyed", None, NONE),
    ("whoever keeps stealing from the little free library please stop", None, NONE),
    ("kids shot off bottle rockets at my car last night and scorched the hood", None, NONE),
    ("my car window was shot out with a pellet gun overnight", None, NONE),
    ("i nearly had a heart attack during the game last night lmao, then found my car booted", None,
     NONE),
    ("im dying, i got stabbed outside the bar", None, EMERGENCY),
    ("my friend is bleeding really bad from his leg", None, EMERGENCY),
    ("someone is stealing my car right now, hes in the driveway", None, EMERGENCY),
]

# ninth batch denials grief graffiti and fires that are out stay none
NINTH_BATCH = [
    ("not suicidal or anything, just so done with this towing company", None, NONE),
    ("i used to think about suicide but im in a much better place now, anyway my bike was stolen "
     "from the rack", None, NONE),
    ("someone carved a noose into the playground slide, please remove it", None, NONE),
    ("my dad died by suicide years ago and someone stole the flowers from his grave", None, NONE),
    ("the fire in the laundry room is out, the fire dept left, but my dryer was stolen", None,
     NONE),
    ("how do i get a copy of the report from the garage fire for my insurance", None, NONE),
    ("the burned out car from last month is still on my street", None, NONE),
    ("they took my rifle case from the truck, it was empty", None, NONE),
    ("had a heart attack when i saw the impound fee, is that legal", None, NONE),
    ("im not ok, i want to kill myself tonight", None, CRISIS),
    ("the fire in the kitchen is spreading to the hallway", None, EMERGENCY),
]

# the new look alikes do not hide danger next to them
# a car that was shot, a steak knife, windows shot out, a report about a fire and "at
# the game" are masked only in their harmless sense
DANGER_BESIDE_THE_NEW_LOOK_ALIKES = [
    ("the driver of the car was shot, hes slumped over the wheel", None, EMERGENCY),
    ("he stabbed her with a steak knife, blood everywhere", None, EMERGENCY),
    ("the windows are being shot out right now, bullets everywhere", None, EMERGENCY),
    ("i want to report about the fire next door, flames coming out the windows", None, EMERGENCY),
    ("he says he will shoot me at the game tonight", None, EMERGENCY),
]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    *FIRST_LOOK_ALIKES,
    *FIRE_BOMBS_BLEEDING_AND_ACCIDENTS,
    *BY_MISTAKE_OR_A_WISH_NOT_TO_WAKE,
    *SOMALI_AND_HMONG_THINGS,
    *SECOND_BATCH,
    *SOMALI_BURNED_AFTER_THE_FIRE,
    *THIRD_BATCH,
    *FOURTH_BATCH,
    *SHORT_OF_BREATH,
    *SEVENTH_BATCH,
    *EIGHTH_BATCH,
    *NINTH_BATCH,
    *DANGER_BESIDE_THE_NEW_LOOK_ALIKES,
])
def test_each_message_gets_the_level_its_family_needs(text, lang, expected):
    # a look-alike stays none, the danger beside it still escalates, and the reply fits:
    # 911 first for an emergency, 988 as well for a crisis
    assert assess(text, lang).level == expected
