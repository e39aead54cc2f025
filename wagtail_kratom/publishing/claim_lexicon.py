"""The words the claim detector reads a sentence by: concepts, and the modifiers that change them.

Data only, as regular-expression fragments over lower-cased text with straight quotes and
hyphens (see ``claim_reading.normalise``). ``claims.py`` decides what they mean together. A concept
is either a *benefit* (safe, protects the liver, easy to quit: a claim when asserted) or a
*harm* (dependence, side effects, liver injury: a claim when denied or played down).
Modifiers follow NegEx and ConText (Chapman et al., 2001 and 2009): negation, minimising,
uncertainty, attribution, hypothetical and reported use, each with a direction of scope.
"""

# Concepts -------------------------------------------------------------------------------

#: The liver, by name or medical prefix.
LIVER = r"\b(?:liver|livers|hepat\w*|cirrhosis)\b"
#: What a sentence says kratom does *for* the liver.
LIVER_BENEFIT = (
    r"\b(?:protect\w*|shield\w*|guard\w*|heal(?:s|ed|ing|er)?|detox\w*|aid(?:s|ed|ing)?|prevent\w*|manag\w*"
    r"|maximi[sz]\w*|cleans\w*|flush\w*|regenerat\w*|repair\w*|restor\w*"
    r"|nourish\w*|strengthen\w*|boost\w*|support\w*|improv\w*|benefi\w*|promot\w*|rejuvenat\w*|revers\w*"
    r"|recover\w*|tonic|thank\w*|wonders|working order|good (?:order|condition|health)|normali[sz]\w*|a break"
    r"|reset\w*|(?:numbers|enzymes|levels|results|tests?) (?:come|comes|came|go|goes|went|coming|going) down"
    r"|top shape|good shape|in shape|kind to|easy on"
    r"|gentle on|good for|great for"
    r"|friendly|healthy|healthier|safe|liver-safe|help(?:s|ed)? (?:the |your )?liver|hepatoprotect\w*|best thing)\b"
)
#: What a sentence could deny kratom does *to* the liver.
LIVER_HARM = (
    r"\b(?:damag\w*|injur\w*|harm\w*|hurt\w*|problems?|risks?|toxic\w*|hepatotox\w*|failure|effects?|issues?"
    r"|stress|strain|burden|cirrhosis|disease|threat\w*|trouble|danger\w*)\b"
)

#: Dependence, addiction and withdrawal, with the words people use for them.
DEPENDENCE_HARM = (
    r"\b(?:addict\w*|dependen\w*|habit-forming|habit forming|habit|hooked|withdrawals?|wds?|tolerance"
    r"|cravings?|crave|abuse potential|abuse liability|compulsive)\b"
)
#: Ways of saying kratom is easy to stop, or not addictive, in one phrase.
DEPENDENCE_BENEFIT = (
    r"\b(?:non-?addictive|nonaddictive|non-?habit[- ]forming|addiction-free|easy to (?:quit|stop|come off|give up)"
    r"|(?:quit|stop|drop)\w* (?:kratom |it |k )?(?:any ?time|whenever you (?:want|like)|at will)"
    r"|(?:coming|come|getting|get|going) off (?:kratom|it|k) (?:is|was) (?:a breeze|easy|simple|nothing|painless)"
    r"|(?:stopping|quitting) (?:kratom|it|k) (?:is|was) (?:a breeze|easy|simple|nothing|painless)|a breeze)\b"
)

#: Safety in one word or phrase: a claim when asserted of kratom.
SAFETY_BENEFIT = (
    r"(?<![\"'])\b(?:safe|safely|safest|harmless|risk-free|risk free|riskless|non-?toxic|benign|innocuous|gentle"
    r"|all-safe|peace of mind|(?:perfect|spotless|clean) safety record|nothing to (?:worry about|fear)"
    r"|as safe as|can'?t go wrong|nothing (?:that )?(?:can|could|will) (?:possibly )?go wrong"
    r"|(?:can ?not|can'?t|impossible to|no way to) (?:take|have|use|eat|drink) too much|impossible to overdose"
    r"|no such thing as too much|(?:completely|totally|perfectly|100%|entirely|absolutely) (?:fine|okay|ok|chill)"
    r"|good for you)\b(?![\"'])"
)
#: Phrases where "safe" is about something other than kratom's safety.
SAFETY_NOT_A_CLAIM = (
    r"\b(?:stay|keep \w+|keeping \w+|to be|play it|feel|on the) safe\b|\bsafe (?:place|storage|side|keeping|space"
    r"|sex|haven|to say|use|-use|supply|spot)\b|\bsafe-use\b|\bmore safely\b|\bsafely (?:store|dispose|stored)\w*"
    r"|\bsafe (?:and \w+ )?(?:use|usage|environment|practices?|ways?|manner|approach|storage|disposal|consumption"
    r"|setting|strateg\w+|guidelines?|limits?|habits?)\b|\b(?:for|ensure|ensuring|ensures)"
    r" (?:a |the )?safe(?:r|st)?\b|\b(?:make|keep|help) (?:\w+ )?safer\b"
)
#: Harms to health in general: a claim when denied.
SAFETY_HARM = (
    r"\b(?:side[- ]effects?|(?<!-)risks?(?!-free| free)|risky|danger\w*|harm\w*|toxic\w*|poison\w*|overdos\w*|died|dies"
    r"|die|deaths?|fatal\w*|lethal|hurt\w*|damag\w*|adverse|problems?|issues?|bad|unsafe|injur\w*|worry|worries"
    r"|concern|killed|kill)\b"
)

#: Taking kratom with something else.
COMBINING = (
    r"\b(?:combin\w*|combo\w*|mix\w*|stack\w*|pair\w*|together|alongside|along with|on top of|while (?:taking|on|using)"
    r"|interact\w*|interfer\w*|clash\w*|blend\w*|compatible|plays? nicely|at the same time|react\w* (?:\w+ )?with)\b|\+"
    r"|\b(?:use|used|using|take|taken|taking)\s+(?:it\s+|kratom\s+)?with\b"
)
#: Substances and medicines people combine with kratom.
SUBSTANCE = (
    r"\b(?:alcohol|booze|beers?|wine|liquor|spirits|(?:a |few |some |two |of )drinks?|supplements"
    r"|drug(?= interactions?)|(?:(?<=while )|(?<=when )|(?<=after ))drinking|(?<=you )drink|coffee|nicotine|tobacco"
    r"|opioids?|opiates?|benzos?|benzodiazepines?"
    r"|xanax|valium|klonopin|ativan|alprazolam|diazepam|antidepressants?|ssris?|snris?|maois?|medications?"
    r"|medicines?|meds|prescriptions?|drugs|pills|sleeping pills|sedatives?|depressants?|stimulants?|gabapentin"
    r"|pregabalin|lyrica|phenibut|tramadol|methadone|buprenorphine|suboxone|blood thinners?|warfarin|adderall"
    r"|ritalin|cannabis|weed|marijuana|thc|kava|caffeine|diphenhydramine|benadryl|antihistamines?|painkillers?"
    r"|substances?|anything else|oxycodone|hydrocodone|fentanyl|heroin|cocaine|amphetamines?|mdma|ketamine|ghb"
    r"|barbiturates?|muscle relaxants?|anticonvulsants?|antipsychotics?|statins?"
    r"|sertraline|fluoxetine|citalopram|escitalopram|paroxetine|venlafaxine|bupropion|trazodone|quetiapine|zolpidem"
    r"|morphine|codeine|lorazepam|clonazepam|mirtazapine|lithium|insulin|paracetamol|acetaminophen|ibuprofen)\b"
)
#: "kratom and X", "X with your kratom", "on kratom": two things taken at once, without a combining verb.
TAKEN_WITH = (
    r"\b(?:kratom|it|k)\s+(?:and|with|plus|\+)\s+(?:\w+\s+){0,3}?"
    + SUBSTANCE[2:-2]
    + r"|\b(?:with|on|after|before) (?:taking |using )?(?:your |my |some |the )?(?:kratom|k)\b"
    + r"|\b(?:people |those |anyone |someone |users )?on (?:\w+ ){0,2}?(?:antidepressants?|ssris?|meds|medications?"
    r"|methadone|suboxone|buprenorphine|benzos?|blood thinners?|opioids?)\b"
    + r"|\b(?:while|after|when) (?:drinking|taking (?:your )?(?:meds|medications?|pills))\b"
)
#: Words that say combining went fine.
COMBINING_FINE = (
    r"\b(?:fine|okay|ok|chill|no problems?|without (?:any )?(?:problems?|issues?|worry|worries)|feel free"
    r"|free to|compatible|plays? nicely|no issues?|no trouble|no big deal|without (?:any )?worrying"
    r"|perfect (?:pair|match|combo|combination)|(?:go|goes) (?:great|well) together"
    r"|(?:no (?:need|reason) to|(?:don'?t|do not|doesn'?t|does not) (?:have|need) to) (?:avoid|stop|skip|worry|give up)"
    r"|(?:works?|mix(?:es)?|goes|go|combines?|pairs?|stacks?|blends?|sits?) (?:really )?(?:well|great|nicely|fine"
    r"|perfectly))\b"
)

#: Kratom put in the place of medical treatment, or a way off opioids without it.
REPLACING = (
    r"\b(?:(?:an? |the )?(?:safer|healthier|gentler|better|natural|effective|great|good|viable|less \w+) alternatives?"
    r"|alternatives? (?:to|for)|substitut\w*|replac\w*|instead(?: of)?|in place of|take the place of|stand in for"
    r"|swap\w*|ditch\w*|switch\w* (?:from|to|over)|quit (?:your|my|the)|stop taking (?:your|my|the)"
    r"|(?:safer|healthier|gentler|better|less dangerous|less harmful|less risky|less addictive)(?: \w+){0,3} than"
    r"|beats?|outperforms?|outdoes|(?:safer|better|healthier) (?:choice|option|way|bet)|recommend\w* kratom over"
    r"|no need for|(?:don'?t|do not|dont|won'?t) need (?:a |any |the |your )?(?:doctor|rehab|clinic|meds|medications?"
    r"|treatment|methadone|suboxone|prescriptions?)|without (?:medical supervision|a doctor|a prescription|the clinic"
    r"|clinic visits|medical help)|no doctor needed|makes? (?:\w+ )?(?:rehab|treatment|detox|doctors?) unnecessary"
    r"|get(?:s|ting)? (?:you |people |me |him |her |them |yourself )?off (?:of )?(?:opioids|heroin|pain ?pills"
    r"|painkillers|fentanyl|methadone|suboxone|oxy\w*|pills|dope|opiates)|got (?:me |him |her |them )?off"
    r"|kick (?:a |the |your |my )?(?:heroin |opioid |pill |dope )?habit|taper\w* (?:\w+ )?off|wean\w* (?:\w+ )?off"
    r"|come off|coming off|bridge (?:through|to|out of|off)|self-detox\w*|way out of|does everything \w+ does"
    r"|why stay on|forget (?:\w+ )?(?:ibuprofen|nsaids|painkillers|pills|meds|methadone|suboxone|rehab|opioids)"
    r"|all you need to (?:kick|quit|get off|beat)|(?:takes?|taking) the place)\b"
)
#: Medical treatment and the medicines kratom is set against.
TREATMENT = (
    r"\b(?:methadone|buprenorphine|bupe|suboxone|subutex|naltrexone|vivitrol|mat|medication-assisted|substitution"
    r"|rehab|detox|clinics?|doctors?|medical|prescri\w*|painkillers?|pain ?pills|pain meds|pain medication"
    r"|medications?|meds|medicines?|pharmaceutical\w*|antidepressants?|ssris?|ibuprofen|nsaids?|acetaminophen"
    r"|paracetamol|oxycodone|oxy|hydrocodone|fentanyl|heroin|opioids?|opiates?|treatment|therapy|chemical"
    r"|synthetic drugs|drugs|pills|benzos?|anxiety medication)\b"
)

#: What kratom is said to cure, treat or relieve.
TREATING = (
    r"\b(?<!self-)(?:cur(?:e|es|ed|ing)|treat(?:s|ed|ing)?|treatments? for|heal(?:s|ed|ing)?|fix(?:es|ed)?|revers\w+"
    r"|reliev\w+|relief|alleviat\w+|mitigat\w+|aids?|aiding|aid (?:in|for)|eas(?:e|es|ed|ing)|eliminat\w+|sooth\w+"
    r"|resolv\w+|remed(?:y|ies)|fights?"
    r"|combat\w*|control(?:s|led|ling)?|stops|knock(?:s|ed)? out|clear(?:s|ed)? up|restor\w+|manag(?:e|es|ed"
    r"|ing)"
    r"|beat(?:s|ing)?|under control|medicine for|cure for|answer (?:for|to)|ally (?:for|in|against)|help(?:s|ed)?"
    r"|reduc(?:e|es|ed|ing)|lower(?:s|ed)?|calm(?:s|ed)?|ends?|gets? rid of|banish\w*|works? (?:wonders )?for"
    r"|pain-reliev\w+|analgesic|anxiolytic|antidepressant effect"
    r"|(?:is|was|are|were) (?:all |completely )?(?:gone|history)|disappear\w*|went away|vanish\w*)\b"
)
#: Diseases, conditions and symptoms.
CONDITION = (
    r"\b(?:anxiety|depress\w*|pain|aches?|ptsd|diabet\w*|fibromyalgia|use disorders?|addictions?|withdrawal"
    r"|insomnia|sleeplessness|hypertension|blood pressure|cancer\w*|tumou?rs?|arthritis|adhd|restless legs"
    r"|migraines?|headaches?|sclerosis|fatigue|bipolar|diarrh\w*|ibs|gut|paws|brain fog|low energy|cravings?"
    r"|seizures?|epilep\w*|panic\w*|diseases?|illness\w*|conditions?|symptoms?|inflammation|stress|ocd"
    r"|alzheimer\w*|parkinson\w*|asthma|covid\w*|infections?|coughs?|disorders?|recover\w*|sobriety|alcoholism"
    r"|opioid habit|heroin habit)\b"
)

#: Natural origin offered as a reason.
NATURAL = (
    r"\b(?:natural\w*|all-natural|nature'?s?|herbal|herbs?|botanical\w*|organic|plant-based|plant medicine"
    r"|from the earth|mother nature|traditional\w*|for centuries|for generations|not a (?:drug|chemical)"
    r"|no chemicals|wild-harvested|gift from nature|(?:it'?s|its|it is|kratom is|just) (?:just )?an? (?:plant|leaf"
    r"|herb|tree leaf)|plants? (?:do|does|can)(?:n'?t| not)"
    r"|(?:it comes|comes) (?:straight |directly |right )?from (?:a |the )?(?:plant|tree|leaf)"
    r"|just a (?:plant|leaf|tree leaf))\b"
)
#: A benefit said of natural things.
NATURAL_BENEFIT = (
    r"\b(?:good for you|safer|gentler|healthier|as much as you (?:like|want)"
    r"|body (?:knows|can)(?: exactly)? (?:how to )?(?:handle|process|deal with|break \w+ down))\b"
)

#: An amount of kratom, a dose, a serving, or a dosing schedule.
DOSE = (
    r"\b\d+(?:[.,]\d+)?\s*(?:-|to|or)?\s*(?:\d+(?:[.,]\d+)?)?\s*(?:g|gs|gm|grams?|mg|milligrams?|capsules?|caps"
    r"|tablets?|pills|teaspoons?|tsp|tablespoons?|scoops?|cups?|servings?|doses?|ml)\b"
    r"|\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|half a|a few|a couple"
    r" of|heaped|level|a heaped|a level)\s+(?:\w+\s+)?(?:grams?|g|capsules?|caps|tablets?|teaspoons?|tsp"
    r"|tablespoons?|spoonfuls?|scoops?|cups?|servings?)\b"
    r"|\b(?:recommended|standard|ideal|safe|right|proper|starting|usual|normal|typical|effective|maximum|max"
    r"|optimal|perfect) (?:dose|dosage|amount|serving)s?\b"
    r"|\b(?:your|the|a) (?:dose|dosage)\b|\bredos\w*|\bdose (?:as|when|whenever|until)|\bdosage on the label"
    r"|\bas (?:much|often) as you (?:need|like|want)"
)
#: How often: a schedule turns a plain "take kratom" into dosing advice.
FREQUENCY = (
    r"\b(?:every (?:day|morning|night|evening|\d+ hours|(?:two|three|four|five|six|eight|twelve) hours)"
    r"|(?:once|twice|three times|four times|\d+ times) (?:a|per|each) day|daily|each morning|each day)\b"
)
#: Verbs that open dosing advice when they open a clause.
DOSING_IMPERATIVE = (
    r"(?:take|start|begin|maintain|use|try|dose|redose|mix|drink|add|double|triple|increase|raise|stick|follow|keep|stay|go"
    r"|up|work|aim|stir|put|chew|swallow|toss|wash|do|have|limit|boost|bump)"
)
#: Advice on amounts given as advice: modal verbs and verdicts.
DOSING_ADVICE = (
    r"\b(?:you|beginners|newcomers|adults|users|people|most people|most adults|heavy users|anyone|first-timers)"
    r" (?:can|could|should|may|ought to|need to)(?: safely)? (?:take|use|go|have|do|dose|start|handle|tolerate)\b"
    r"|\b(?:safe|safely|fine|okay|ok|sweet spot|ideal|best|optimal|perfect|recommended|standard"
    r"|you(?:'re| are|'ll be| will be) (?:fine|good|ok|okay|safe)|no problems?|won'?t have (?:any )?problems"
    r"|nothing to worry|without (?:any )?risk|do(?:es)? well on|works? best|best results|considered safe"
    r"|is enough|until you feel|until the effects|as needed|whenever it wears off|start(?:ing)? (?:at|with|on))\b"
)
#: Words that say amounts are reported, not advised.
DOSING_NOT_ADVICE = (
    r"\bnot (?:a |any )?(?:recommendation|dosing advice|advice|medical advice|a guide)\b|\bnot recommended\b"
    r"|\b(?:do not|don'?t|never) (?:give|offer) (?:dosing )?advice\b|\bfor information only\b"
)

#: Research invoked as an authority.
RESEARCH = (
    r"\b(?:stud(?:y|ies|ied)|research\w*|science|scientific\w*|scientists?|clinical\w*|trials?|evidence|experts?"
    r"|doctors|physicians|data|peer-reviewed|universit(?:y|ies)|laborator(?:y|ies)|lab tests?|surveys?|harvard"
    r"|analys[ie]s|meta-analys[ie]s|reviews?)\b"
)
#: What research is said to do to a claim.
RESEARCH_ASSERTS = (
    r"\b(?:shows?|shown|showed|prov(?:e|es|en|ed|ing)|confirm\w*|found|finds?|demonstrat\w+|reveal\w*|supports?"
    r"|back(?:s|ed)?(?: up)?|indicat\w+|suggest\w*|agree\w*|discover\w*|according to|is clear|says|establish\w*"
    r"|verif\w*|recommend\w*|say|said|agree)\b"
)
#: Proven without a study named.
PROVEN = r"\b(?:clinically|scientifically|medically|proven to|proven remedy|scientifically shown)\b"

# Modifiers -------------------------------------------------------------------------------

#: Negation before what it denies.
NEGATION_BEFORE = (
    r"\b(?:no|not|never|without|cannot|can'?t|won'?t|wont|don'?t|dont|doesn'?t|doesnt|didn'?t|isn'?t|isnt|aren'?t"
    r"|arent|wasn'?t|weren'?t|shouldn'?t|wouldn'?t|couldn'?t|hasn'?t|haven'?t|nobody|no one|none|nothing|nor|neither"
    r"|zero|free of|free from|lack of|absence of|immune to|impossible|myth that|it is a myth|untrue that"
    r"|wrong to (?:say|think|claim|believe)|no evidence|no proof|no study|nobody has|never been)\b"
)
#: Negation after what it denies.
NEGATION_AFTER = (
    r"\b(?:(?:is|are|was|were)(?: simply| basically| just| virtually| practically| essentially"
    r"| almost)? (?:impossible|unheard of|nonexistent|non-existent"
    r"|a myth|myths|untrue|false|not true|not real|made up|not a (?:concern|problem|issue|thing|risk|worry))"
    r"|(?:do|does|did)(?:n'?t| not) (?:exist|happen|occur)|simply (?:do|does)(?:n'?t| not) (?:exist|happen|occur)"
    r"|(?:isn'?t|isnt|aren'?t) (?:a thing|real|an issue|a problem|a concern)|never happens?)\b"
)
#: Words that play a harm down.
MINIMISER_BEFORE = (
    r"\b(?:low|little|minimal|mild|milder|rare|rarely|barely|hardly|negligible|tiny|slight|less|fewer"
    r"|no worse than|much less|far less|very low|only mild|seldom)\b"
)
#: Verbs that play a harm down; only when kratom is what does it ("kratom lowers the risk"), not advice
#: ("ways to lower your risk").
MINIMISER_VERB = r"\b(?:lower|lowers|lowered|lowering|reduc\w*|cuts?|decreas\w*|minimi[sz]\w*)\b"
MINIMISER_AFTER = (
    r"\b(?:(?:is|are|was|were)(?: \w+)? (?:negligible|minimal|rare|mild|low|tiny|overblown|exaggerated|overstated"
    r"|nothing|a breeze|easy|uncommon|very rare|extremely rare)|mild at most|no worse than|at most mild"
    r"|(?:about |no more |just )?as (?:addictive|dangerous|risky|harmful|habit-forming|toxic|bad) as (?:a |an )?"
    r"(?:cup of |glass of |can of |mug of )?(?:coffee|tea|chamomile|sugar|water|caffeine|chocolate|soda"
    r"|energy drinks?|aspirin))\b"
)
#: Uncertainty that leaves a statement open: the sentence asserts nothing.
UNCERTAIN = (
    r"\b(?:unclear|unknown|uncertain|not known|whether|poorly studied|no one knows|nobody knows|not (?:been )?"
    r"established|not (?:been )?tested|not (?:yet )?understood|remains to be seen|open question|too early to say"
    r"|not (?:been )?studied|more research is needed|further research is needed|not (?:been )?proven that"
    r"|no (?:\w+ ){0,5}(?:has|have) (?:ever )?been (?:shown|found|established|demonstrated)"
    r"|no way (?:to|of) (?:know|tell|predict)\w*|(?:can'?t|cannot) (?:know|tell|predict))\b"
)
#: Someone else's words, reported with doubt, or a practice reported, not recommended.
ATTRIBUTION = (
    r"\b(?:(?:sellers?|vendors?|marketers?|advertisers?|companies|manufacturers?|shops?|retailers?|proponents?"
    r"|advocates?|fans|enthusiasts|promoters?|websites?|ads|adverts|labels?|packaging|brands?|influencers?"
    r"|people|users|some|many|others|they|respondents|participants|consumers|forum posts?|posters)"
    r"(?: \w+)?(?: often| sometimes| still| may| will| commonly| widely| also)? (?:claim\w*|say|said|says|insist\w*"
    r"|believe\w*|argue\w*|report\w*|describ\w*|advertis\w*|market\w*|promot\w*|tout\w*|swear\w*|boast\w*"
    r"|suggest|tell|told|assert\w*|lean on)"
    r"|(?:don'?t|do not|never) (?:assume|think|trust|take (?:it|that) for granted)|^myths?\b|\bmyths?\s*[:-]"
    r"|(?:often |widely |commonly |sometimes |frequently )?(?:touted|hailed|billed|marketed|advertised) (?:as|for)"
    r"|consider(?:ing|s|ed)? (?:using )?(?:kratom|it) (?:as|for)"
    r"|(?:it is|it's|it has been) (?:\w+ )?(?:said|claimed|believed|thought|argued|suggested) that"
    r"|claim(?:s|ed|ing)? that|claiming|the idea that|the notion that|the belief that|alleged\w*|supposed\w*"
    r"|so-called|purported\w*|reputation as|reputation for|(?:is|are|was|were|gets|get)(?: often| sometimes| widely"
    r"| commonly| still| frequently| usually)? (?:touted|marketed|promoted|advertised|billed|hailed|called"
    r"|labell?ed|pitched|sold|presented|described|framed|branded) as|don'?t believe|do not believe|contrary to"
    r"|whatever the (?:packaging|label|seller|vendor|ad) says|treat (?:that|this|it) as marketing"
    r"|(?:some|many) people (?:use|used|take|took|turn to|turned to))\b"
)
#: Doubt cast after the claim, anywhere later in the sentence.
DOUBT_AFTER = (
    r"\b(?:a claim|claims? (?:that )?(?:doctors|experts|researchers|regulators) reject|which (?:it|they) (?:is|are)"
    r" not|(?:toxicologists|doctors|experts|researchers|regulators|pharmacists) disagree|no (?:study|trial|guideline)"
    r" (?:supports|recommends|backs)|trials are lacking|with no evidence|is unproven|are unproven|remains unproven"
    r"|has not been proven|have not been proven|rests? on anecdotes?|in animals|in rats|in mice|not in people"
    r"|doctors advise against|advise against|be sceptical|be skeptical|is misleading|are misleading|is false"
    r"|are false|is not true|is wrong|(?:does|do)(?:n'?t| not) (?:mean|prove|guarantee)|is no guarantee|(?:is"
    r"|are) (?:weak|thin|limited|poor|lacking|scant|anecdotal|mixed|shaky)"
    r"|(?:says|shows|suggests|tells a story) otherwise)\b"
)
#: A condition that makes what follows hypothetical.
HYPOTHETICAL = r"\b(?:if|unless|in case|should you|suppose|imagine)\b"
#: Reported use: what people do, not what the writer advises.
REPORTED_USE = (
    r"\b(?:traditionally|historically|(?:people|users|some|many|labourers|laborers|farmers|workers|respondents"
    r"|participants|they|those)(?: \w+)?(?: often| sometimes| commonly| also)? (?:use|used|take|took|chew|chewed"
    r"|turn to|turned to|start|started|report|reported|describe|described)(?: \w+)? (?:kratom|it|the leaves|leaves)"
    r"(?: \w+)? (?:to|for)"
    r"|(?:some|many|most|other)(?: \w+)? (?:people|users|patients|adults)(?: \w+)?"
    r" (?:replace|switch|swap|substitut|tr(?:y|ied)|turn)\w*)\b"
)
#: Others who can be the subject of a benefit: a claim about them is not a claim about kratom.
OTHER_AGENT = (
    r"\b(?:methadone|buprenorphine|suboxone|naloxone|naltrexone|medical detox|detox programmes?|detox programs?"
    r"|treatment programmes?|treatment programs?|doctors?|physicians?|pharmacists?|clinicians?|licensed medicines?"
    r"|medicines?|treatments?|therapy|counsell?ing|support groups?|exercise|water|sleep|a healthy diet"
    r"|they|we|he|she|services?|helplines?|clinics?|counsell?ors?|specialists?|teams?|nurses?|gps?)\b"
)
#: Words for kratom itself, so a sentence about it is not read as about another agent.
KRATOM = r"\b(?:kratom|mitragynine|7-oh|7-hydroxymitragynine|it|k|this leaf|the leaf|this plant|the plant|ketum)\b"

#: Words that end a clause: what is negated or attributed before them does not reach past them.
CONTRAST = r"\b(?:but|however|although|though|yet|whereas|while|except|still|even so|nevertheless)\b"

#: Negation words that deny nothing here: "no matter how", "not only", "no longer".
PSEUDO_NEGATION = (
    r"\b(?:no matter|not only|not just|no doubt|no wonder|nothing but|no longer|not least"
    r"|no (?:\w+ )?(?:studies|study|trials?|data|research|reviews?) (?:that |which )?(?:measur|look|examin|track|count"
    r"|compar|follow|test|assess|estimat)\w*"
    r"|not (?:everyone|everybody|all|every|always|necessarily)|(?:cannot|can'?t|not|never) (?:be )?rul(?:e|ed) out)\b"
)
#: Dependence on something other than kratom: "opioid withdrawal", "withdrawal from heroin".
OTHER_DEPENDENCE = (
    r"\b(?:opioids?|opiates?|heroin|alcohol|fentanyl|methadone|benzos?|benzodiazepines?|pills?|painkillers?|oxy\w*"
    r"|drugs?|nicotine|substance)(?:[- ]\w+)? (?:withdrawals?|addictions?|dependen\w*|cravings?|habits?"
    r"|use disorders?)\b"
    r"|\b(?:withdrawals?|addictions?|dependen\w*|cravings?) (?:from|to|for|on|off) (?:\w+ )?(?:opioids?|opiates?"
    r"|heroin|alcohol|fentanyl|methadone|benzos?|pills|painkillers|oxy\w*|drugs|nicotine|other substances)\b"
)
#: A sentence that calls something unsafe is a warning, whatever it compares.
WARNING = (
    r"\b(?:is|are|can be|may be|could be|it'?s|becomes?|gets?)\s+(?:(?!no\b|not\b|nothing\b"
    r"|never\b)\w+\s+)?(?:dangerous|risky|unsafe|harmful|deadly"
    r"|fatal|life-threatening|not safe|a bad idea|a mistake)\b|\bnot (?:a )?(?:safe|harmless|risk-free)\b"
)
#: Harms of combining: interactions and trouble of any kind, a claim when denied.
COMBINING_HARM = (
    r"\b(?:interact\w*|interfer\w*|clash\w*|react\w*|worry|worries|trouble|wrong|concerns?)\b|" + SAFETY_HARM
)
#: Words at a treating verb that are not about treating a condition: "helps you use", "treat it as".
NOT_TREATING = (
    r"control(?:s)? and prevention|"
    r"(?:stop(?:s|ped)?|help(?:s|ed)?|eas(?:e|es|ing)|manag\w+|control\w*|reduc\w+|lower\w*) (?:taking|using|you use"
    r"|your use|the amount|how much|into)|treat(?:s|ed)? (?:it|that|this|them|kratom|medical|claims?|labels?) (?:as"
    r"|with)"
    r"|treat (?:\w+ )?(?:promises|claims|labels)"
)
#: A dosing verb opening a clause, as advice opens ("take 2 g", "and raise the dose"); "do not take" is not advice.
DOSING_IMPERATIVE_AT = (
    r"\s*(?:and |then |just |simply |so |now )?"
    + DOSING_IMPERATIVE
    + r"\b(?! not\b| off\b| away\b| out of reach| in mind| (?:\w+ )?breaks?\b| time off| care\b| a break)"
)
#: Verbs of help: a negation before one denies the help, not a harm named after it ("won't repair a damaged liver").
BENEFIT_VERB = (
    r"\b(?:protect|shield|guard|heal|repair|restor|revers|cur(?:e|es|ed|ing)\b|treat|fix|prevent|undo|help|stop"
    r"|protects|reduc|lower|eas(?:e|es)\b|reliev)\w*"
)
#: Research said to support something: a research word, then within four words a verb that asserts.
RESEARCH_SAYS = (
    r"(?:" + RESEARCH.replace(r"evidence|", r"evidence(?!-based)|") + r")(?: [\w'-]+){0,4}? " + RESEARCH_ASSERTS
)
#: Verbs that report a harm: research cited for one is careful writing, if unsourced.
HARM_VERB = (
    r"\b(?:can|may|might|could|does|do|did|will)? ?(?:cause[sd]?|causing|lead(?:s)? to|linked to|associated with"
    r"|tied to"
    r"|raise[sd]? the risk|increase[sd]? the risk|contribut\w+ to)\b"
)
#: A combining verb opening a clause, as advice to combine opens ("pair kratom with wine").
COMBINING_IMPERATIVE_AT = (
    r"\s*(?:and |then |just |simply )?(?:pair|mix|combine|stack|add|wash (?:it|kratom) down"
    r"|(?:go ahead and |feel free to )(?:take|use|try))\b"
)
#: Hedges: the writer is not sure; a hedged treatment claim is softer, but still a claim.
HEDGE = r"\b(?:may|might|could|potential(?:ly)?|possibl[ey]|promis\w*|perhaps|hope|some evidence|can help)\b"
#: A source named in words, without brackets: research attributed to it is not unsourced.
SOURCE_NAMED = (
    r"\b(?:fda|nida|nih|cdc|who|mmwr|livertox|emcdda|nhs|dea|samhsa|cochrane|et al|(?:19|20)\d\d|university of \w+"
    r"|journal of|published in|the lancet|jama|bmj)\b"
)
#: Someone's purpose in using kratom, not what it does: "you use kratom to manage pain".
PURPOSE_OF_USE = (
    r"\b(?:you|people|they|users?|someone|anyone|many|some|those|who|patients)(?: \w+)? (?:use|uses|used|take|takes"
    r"|took|turn to|turned to|try|tried|rely on|relied on) (?:kratom|it)(?: \w+)? (?:to|for)\b"
)
