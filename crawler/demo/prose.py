"""Sentence pools for the offline demo sites (see `sitegen`). Every sentence here is invented for
the demo: fictional but plausible news prose, written for this project and copied from nowhere.

Slots filled per article: `{place}` (a town or county), `{province}`, `{n}` (a small number, in
words), `{big}` (a larger number), `{pct}` (a percentage) for the watch site; `{city}`, `{n}`,
`{tens}` (ten times `{n}`, in figures), `{pct}`, `{price}` for the magazine.
"""

from __future__ import annotations

# --------------------------------------------------------------------------- watch site (aggregator)

#: (town or county, province): the places the watch site's stories happen in.
WATCH_PLACES = (
    ("Sunchon", "South Phyongan Province"), ("Anju", "South Phyongan Province"),
    ("Kaechon", "South Phyongan Province"), ("Mundok", "South Phyongan Province"),
    ("Jongju", "North Phyongan Province"), ("Kusong", "North Phyongan Province"),
    ("Sonchon", "North Phyongan Province"), ("Hamhung", "South Hamgyong Province"),
    ("Tanchon", "South Hamgyong Province"), ("Kimchaek", "North Hamgyong Province"),
    ("Kyongsong", "North Hamgyong Province"), ("Wonsan", "Kangwon Province"),
    ("Munchon", "Kangwon Province"), ("Haeju", "South Hwanghae Province"),
    ("Jaeryong", "South Hwanghae Province"), ("Yonan", "South Hwanghae Province"),
    ("Sariwon", "North Hwanghae Province"), ("Unpa", "North Hwanghae Province"),
    ("Kanggye", "Jagang Province"), ("Huichon", "Jagang Province"),
    ("Hyesan", "Ryanggang Province"), ("Samjiyon", "Ryanggang Province"),
)

#: One dict per topic: `tag` (its tag page); `stories`: (title, lead sentence, the story's own
#: sentences), one story per article; `body`: sentences that fit every story of the topic; `close`:
#: sentences that end a story.
WATCH_TOPICS: tuple[dict, ...] = (
    {
        "tag": "agriculture",
        "stories": (
            ("Spring Sowing Starts Early in {province}",
             "Farmers in {province} have begun sowing spring wheat and barley about a week earlier than last "
             "year, taking advantage of mild weather and fields that were ploughed before the winter.",
             ("Seeds were sown with drills pulled by tractors, which spread them more evenly than sowing by hand.",
              "Agronomists checked the depth of sowing in each field and corrected it wherever the soil had dried "
              "out.")),
            ("{place} Farmers Finish Preparing Rice Seedbeds",
             "Agricultural workers of cooperative farms in {place} have finished preparing cold-bed rice "
             "seedlings for more than {big} hectares of paddy fields.",
             ("The seedbeds were covered with plastic film to keep the young plants warm during the cold nights "
              "of early spring.",
              "Farm workers check the temperature under the film several times a day and lift it on sunny "
              "afternoons.")),
            ("New Irrigation Channels Completed in {place}",
             "A network of irrigation channels stretching over {n} kilometres has been completed in {place}, "
             "bringing a steady supply of water to the paddy fields of several cooperative farms.",
             ("Pumping stations along the channels were fitted with new motors that use less electricity.",
              "The channels were lined with concrete slabs so that less water seeps away into the ground.")),
            ("Greenhouse Vegetable Output Rises at {place} Farm",
             "Vegetable output at a greenhouse farm in {place} has risen by {pct} percent this season after "
             "the farm refitted its greenhouses and introduced a new rotation of crops.",
             ("Cucumbers, tomatoes and lettuce are now grown in rotation so that no greenhouse is ever left empty.",
              "Heat from a nearby boiler house is piped under the beds to keep the soil warm in the coldest "
              "weeks.")),
            ("Farm Machinery Repair Campaign Wraps Up in {province}",
             "A campaign to repair and service tractors, rice transplanters and trailers ahead of the farming "
             "season has been wrapped up across {province}.",
             ("Mechanics of the farm machinery stations replaced worn engines, tyres and gearboxes on hundreds "
              "of machines.",
              "Spare parts were supplied by machine factories in the province on a schedule agreed in advance.")),
        ),
        "body": (
            "Technicians of the farm drew up a planting schedule that takes into account the soil temperature "
            "and the moisture of each field.",
            "Seed potatoes and rice seeds were sorted by hand and treated against disease before being handed "
            "out to the work teams.",
            "Tractor drivers worked in two shifts to plough and level the fields before the ground dried out "
            "in the spring wind.",
            "Officials said the yield per hectare had risen steadily over the past three years thanks to better "
            "use of organic fertilizer.",
            "Compost made from straw, leaves and animal manure was carried to the fields on trailers and spread "
            "evenly over the soil.",
            "The management board set up a small workshop in {place} where worn parts of farm machines are "
            "repaired on the spot.",
            "Young volunteers from nearby towns joined the farm workers for several days to carry seedling trays "
            "and mend the ridges between fields.",
            "Agricultural scientists from a provincial research institute came to advise on the choice of "
            "high-yielding varieties suited to the local climate.",
            "Work teams compete with one another to finish each task on schedule and to the best standard, "
            "and the results are posted every evening.",
            "Records kept by each work team show how much fertilizer was used on every plot and how the crops "
            "responded to it.",
            "Farm workers planted rows of poplars along the edges of the fields to shelter the crops from the "
            "strong seasonal winds.",
            "Mechanics converted {n} old trucks to run on locally produced fuel so that materials can be moved "
            "quickly between the farms.",
        ),
        "close": (
            "Similar work is under way on farms in the neighbouring counties of {province}.",
            "Officials of the provincial rural economy committee inspected the work and praised the progress "
            "made so far.",
            "Farm workers said they were determined to bring in a rich harvest this autumn.",
            "The farms now plan to move on to the next stage of the season's work ahead of schedule.",
        ),
    },
    {
        "tag": "industry",
        "stories": (
            ("{place} Textile Mill Puts New Looms into Operation",
             "A textile mill in {place} has put {n} newly built looms into operation, raising its output of "
             "cotton and blended fabrics for clothing factories across the country.",
             ("The new looms weave faster and need less attention, so each operator can now look after more of "
              "them.",
              "Designers of the mill prepared new patterns for children's clothing and bedding.")),
            ("Steel Works in {province} Raises Output",
             "Workers of a steel works in {province} have raised the daily output of rolled steel by {pct} "
             "percent after completing the renovation of a reheating furnace.",
             ("The renovated furnace heats the steel slabs more evenly, so fewer of them have to be rolled a "
              "second time.",
              "Scrap metal collected across {province} is melted down at the works to save raw materials.")),
            ("Food Factory in {place} Launches New Products",
             "A foodstuff factory in {place} has started producing a new range of soy sauce, bean paste and "
             "noodles made from locally grown grain.",
             ("The soy sauce and bean paste are fermented in large earthenware jars in a storehouse where the "
              "temperature is kept steady.",
              "Noodles are made from maize and wheat flour supplied by farms in the surrounding counties.")),
            ("Machine Plant in {place} Builds Tractors Ahead of Schedule",
             "A machine plant in {place} has completed the assembly of {big} tractors for the spring farming "
             "season well ahead of the schedule set at the start of the year.",
             ("Each tractor is driven round a test track in the factory grounds before it is handed over to a "
              "farm.",
              "Technicians of the plant improved the gearbox so that the tractors can work longer without "
              "repairs.")),
            ("Shoe Factory in {province} Modernizes Production Lines",
             "A shoe factory in {province} has modernized its production lines, cutting the time needed to make "
             "a pair of boots while improving their quality.",
             ("Soles are now cut by a computer-controlled machine, which wastes less rubber and leather.",
              "Designers of the factory visited shops in {place} to find out which styles and sizes customers ask "
              "for most often.")),
        ),
        "body": (
            "Engineers of the factory designed the new equipment themselves and built most of its parts in "
            "their own workshops.",
            "A system for monitoring each stage of production from a central control room was introduced at the "
            "same time.",
            "Workers reorganised the flow of materials so that parts no longer have to be carried back and forth "
            "between buildings.",
            "A team of young technicians found a way to reuse waste heat from the boilers to warm the workshops "
            "and the workers' hostel in winter.",
            "The quality control section tests samples from every batch, and products that fail the tests are "
            "sent back for reworking.",
            "Managers said the new equipment had been installed without stopping production for a single day.",
            "Raw materials now arrive by rail on a fixed timetable, which has made it easier to plan the work "
            "of each shift.",
            "The enterprise set up a training course where experienced workers pass on their skills to those "
            "who have just joined.",
            "Electricity use per unit of output has fallen by nearly {pct} percent since the old motors were "
            "replaced with more efficient ones.",
            "The packing shop was fitted with a new line that wraps and labels goods automatically.",
            "Innovators of the enterprise have registered {n} proposals this year for making the work easier "
            "and safer.",
            "The enterprise's own kindergarten and canteen were also refurbished as part of the project.",
        ),
        "close": (
            "The enterprise expects to exceed its annual plan by the end of the third quarter.",
            "Officials of the ministry concerned visited the enterprise and looked round the new production "
            "lines.",
            "Workers of the enterprise pledged to keep raising output in the months ahead.",
            "Goods from the new lines will reach shops in {province} from next month.",
        ),
    },
    {
        "tag": "construction",
        "stories": (
            ("New Housing District Takes Shape in {place}",
             "Builders in {place} have finished the frames of {n} apartment blocks in a new housing district "
             "that will provide homes for more than {big} families.",
             ("Each apartment has a kitchen, a bathroom and a balcony, and the blocks are heated by a new "
              "district boiler house.",
              "A school, a clinic and a shop are being built alongside the homes so that residents have "
              "everything they need close by.",
              "Trees and flower beds will be planted between the blocks once the outer walls have been painted.")),
            ("Work Speeds Up on Hydropower Station in {province}",
             "Builders of a hydropower station in the hills of {province} are working in shifts to finish the dam "
             "before the summer rains raise the level of the river.",
             ("The dam will hold back enough water to keep two turbines running throughout the dry season.",
              "Builders excavated a diversion tunnel through a rocky hillside so that the river could be led "
              "away from the dam site.",
              "Electricity from the station will go to factories and homes in the surrounding counties.")),
            ("Road Linking {place} with Provincial Capital Reopens",
             "A road linking {place} with the capital of {province} has reopened after being widened and "
             "resurfaced over a distance of {n} kilometres.",
             ("The road was given a new drainage system so that it will no longer be washed out by heavy rain.",
              "Several dangerous bends were straightened and crash barriers were put up along the steepest "
              "sections.",
              "Buses between {place} and the provincial capital now take about half an hour less than before.")),
            ("New Bridge Completed over River in {place}",
             "A reinforced concrete bridge {big} metres long has been completed over the river that divides "
             "{place}, shortening the journey between its two halves.",
             ("The bridge has a carriageway for vehicles and separate paths for pedestrians and cyclists.",
              "Retaining walls were built along both banks to protect the approaches from flooding in the rainy "
              "season.",
              "Until now residents had to use a narrow old bridge or make a long detour upstream.")),
            ("Rural Houses Built for Farmers in {province}",
             "New houses have been built for farm families in several villages of {province}, replacing older "
             "dwellings that were damaged by floods two years ago.",
             ("Each house has two rooms, a kitchen and a small yard where families can keep poultry and grow "
              "vegetables.",
              "The houses stand on higher ground, well away from the river that flooded the old village.",
              "Farm families moved into the first houses at a ceremony attended by local officials.")),
        ),
        "body": (
            "Builders poured the concrete for the foundations in the early hours of the morning, when the "
            "temperature was most suitable.",
            "Cranes and excavators were brought in from other sites so that the work could go on around the "
            "clock.",
            "The design institute of {province} drew up the plans, paying attention to the local landscape and "
            "the direction of the winter winds.",
            "Materials such as cement, steel bars and timber were supplied by factories in the same province to "
            "cut transport costs.",
            "Youth shock brigades took on the most difficult sections of the work and finished them ahead of "
            "time.",
            "Engineers tested the structures for earthquake resistance and strengthened several joints after the "
            "results came in.",
            "Site managers said the builders had completed {n} major tasks ahead of schedule since the start of "
            "the year.",
            "Local residents brought food and hot drinks to the builders during the coldest weeks of the winter.",
            "Old structures on the site were taken apart and their materials reused wherever possible.",
            "Inspectors from the state construction supervision office checked the quality of the work at every "
            "stage.",
        ),
        "close": (
            "The builders are now moving on to the next stage of the project.",
            "Officials of {province} said the project would greatly improve the living conditions of local "
            "people.",
            "An inauguration ceremony will be held when the remaining work is finished.",
            "The whole project is expected to be completed before the end of the year.",
        ),
    },
    {
        "tag": "education",
        "stories": (
            ("Distance Learning Expands at University in {place}",
             "A university in {place} has expanded its distance learning programme, and more than {big} "
             "workers now study for degrees without leaving their jobs.",
             ("Lectures are recorded in the university's studio and can be followed on computers in factories and "
              "on farms.",
              "Graduates of the programme have already put forward many proposals for improving production at "
              "their workplaces.",
              "Students can now consult the university's electronic library from anywhere in the country.")),
            ("New Textbooks Delivered to Schools in {province}",
             "Schools across {province} have received new textbooks for the coming school year, delivered to "
             "primary and secondary schools well before the first day of term.",
             ("The new books are printed on better paper and have colour illustrations and exercises at the end "
              "of every chapter.",
              "Trucks of the provincial education department carried the books even to the most remote mountain "
              "schools.",
              "Teachers studied the new textbooks during the holidays and prepared their lessons in advance.")),
            ("Science Contest for Pupils Held in {place}",
             "A contest in mathematics, physics and computer programming for secondary school pupils has been "
             "held in {place}, with teams from every county of {province} taking part.",
             ("Pupils worked in teams of three and had to solve the problems within a strict time limit.",
              "The problems were set by lecturers from universities in the capital.",
              "The winners will represent {province} at the national finals later this year.")),
            ("Schools in {province} Refurbished before New Term",
             "Schools across {province} have been refurbished during the winter holidays, with new desks, "
             "laboratory equipment and heating installed in many classrooms.",
             ("Parents and local enterprises helped to repair the roofs and windows of the school buildings.",
              "Each classroom was given a projector and a screen for showing educational films and diagrams.",
              "Laboratories for physics, chemistry and biology were fitted with new instruments.")),
            ("New Primary School Opens in {place}",
             "A new primary school has opened in {place}, with {n} classrooms, a music room and a sports hall for "
             "more than {big} pupils.",
             ("The classrooms are bright and warm, with large windows facing south.",
              "A playground with swings, slides and a small football pitch was laid out behind the building.",
              "The school also has a garden where pupils grow vegetables and learn about plants.")),
        ),
        "body": (
            "The education department of {province} organised a training course for teachers on the new "
            "curriculum.",
            "Teachers prepared new teaching materials that use examples from the pupils' everyday lives.",
            "Special attention was paid to schools in remote mountain areas, which often have fewer resources.",
            "Libraries received thousands of new books on science, history and literature.",
            "Experienced teachers from the provincial capital gave demonstration lessons for their colleagues.",
            "Computer rooms were set up so that pupils in rural areas have the same chances as those in the "
            "cities.",
            "Local enterprises helped by providing building materials and transport free of charge.",
            "Officials said that improving the conditions for study was one of their most important tasks this "
            "year.",
            "Teachers said the changes had already made a difference to how their pupils learn.",
            "Pupils and students who did well were awarded certificates at a meeting at the end of the term.",
        ),
        "close": (
            "Officials said the work would continue until every school in {province} had been covered.",
            "Teachers and pupils welcomed the improvements at the start of the new term.",
            "Similar work is planned for other counties later in the year.",
            "The education department will review the results at the end of the school year.",
        ),
    },
    {
        "tag": "public-health",
        "stories": (
            ("Hospital in {place} Opens New Surgical Wing",
             "A people's hospital in {place} has opened a new surgical wing with {n} operating theatres, an "
             "intensive care unit and wards for more than {big} patients.",
             ("The new wing has its own laboratory, where blood tests and scans can be carried out within an "
              "hour.",
              "A rehabilitation room was set up where patients recovering from operations can exercise under "
              "supervision.")),
            ("Maternity Hospital in {place} Opens New Ward",
             "A maternity hospital in {place} has opened a new ward with {n} delivery rooms and a unit for "
             "premature babies, which will serve mothers from across {province}.",
             ("Incubators and monitors in the unit for premature babies were made by a medical equipment factory "
              "in the province.",
              "Midwives attended a refresher course on caring for newborn babies before the ward opened.")),
            ("Mobile Medical Teams Visit Remote Villages in {province}",
             "Mobile medical teams have visited remote mountain villages in {province}, giving check-ups to "
             "residents who live far from the nearest hospital.",
             ("The teams carried medicines, portable X-ray machines and equipment for testing eyesight and "
              "hearing.",
              "Volunteers helped to carry equipment over mountain paths where vehicles could not pass.")),
            ("Remote Consultation Network Links Clinics in {place}",
             "Clinics in villages around {place} have been connected to the county hospital by a network that "
             "lets local doctors consult specialists by video.",
             ("Specialists at the county hospital read the results of examinations sent from the clinics and "
              "advise on treatment.",
              "Village doctors can now show X-ray images and test results to specialists without sending "
              "patients on long journeys.")),
            ("Vaccination Campaign for Children Under Way in {province}",
             "A vaccination campaign for children under the age of five is under way across {province}, with "
             "doctors and nurses visiting every kindergarten and nursery.",
             ("Nurses keep a register of every child in their area and visit families whose children have missed "
              "an appointment.",
              "Vaccines are kept in refrigerated boxes while they are carried between villages.")),
        ),
        "body": (
            "Doctors of the section doctor system visited every household to check the health of elderly people "
            "and children.",
            "Nurses received training in the use of the new equipment before it was put into service.",
            "Health workers gave talks on hygiene, healthy eating and the prevention of seasonal illnesses.",
            "Doctors said that catching illnesses early had helped them treat more patients close to home.",
            "Records of each patient's check-ups are now kept electronically at the county hospital.",
            "Ambulances donated to the county were fitted with oxygen supplies and stretchers.",
            "The public health department of {province} sent experienced doctors to help with the work.",
            "Medicines and medical supplies were delivered in advance so that nothing would be lacking.",
            "Local officials arranged transport and meals for the medical staff.",
            "Doctors and nurses worked in shifts so that the service could continue at weekends.",
        ),
        "close": (
            "The health authorities of {province} plan to extend the service to all counties next year.",
            "Patients and their families expressed thanks to the doctors and nurses.",
            "Officials said the work would continue until the end of next month.",
            "The public health department will report on the results at the end of the quarter.",
        ),
    },
    {
        "tag": "culture",
        "stories": (
            ("Exhibition of Embroidery Opens in {place}",
             "An exhibition of embroidery by artists and amateur craftswomen from {province} has opened in "
             "{place}, showing more than {big} works made over the past decade.",
             ("Visitors admired fine needlework showing landscapes, flowers and birds, some of which took more "
              "than a year to finish.",
              "Craftswomen demonstrated how silk thread is dyed with natural colours made from plants.")),
            ("Folk Song Festival Held in {province}",
             "A festival of folk songs and dances has been held in {province}, bringing together performers from "
             "factories, farms and schools.",
             ("Performers wore traditional costumes and played instruments such as the kayagum and the janggo.",
              "The festival ended with a joint performance by all the groups on the square in front of the "
              "cultural centre.")),
            ("Museum in {place} Reopens after Renovation",
             "A local history museum in {place} has reopened after a renovation that added new exhibition halls "
             "and restored many of its oldest objects.",
             ("Old farming tools, pottery and household objects from the region are displayed in the new halls.",
              "Guides at the museum explain the history of each object to visitors in simple language.")),
            ("Exhibition of Landscape Paintings Opens in {place}",
             "An exhibition of landscape paintings by artists of {province} has opened in {place}, with {n} "
             "halls devoted to mountains, rivers and the coast.",
             ("Many of the paintings were made outdoors during trips to the mountains over the past two years.",
              "Ink paintings in the traditional style hang alongside oil paintings and watercolours.")),
            ("Amateur Art Contest of Workers Closes in {place}",
             "A contest of amateur art groups of factories and enterprises in {province} has closed in {place} "
             "after a week of performances.",
             ("Groups performed songs, dances, poems and short plays about life at their workplaces.",
              "Prizes were awarded to the best performers and to the groups with the most original "
              "programmes.")),
        ),
        "body": (
            "Schoolchildren came in groups, and their teachers used the visit as a lesson in local history and "
            "art.",
            "The organisers said the number of visitors had exceeded their expectations.",
            "Many of the works were made by amateurs who work in factories and on farms.",
            "Young artists from art schools in {province} took part for the first time.",
            "A booklet introducing the works and their makers was published for visitors.",
            "Local newspapers and radio stations reported on the event every day.",
            "Critics praised the participants for showing the everyday life of working people.",
            "Preparations for the event began last autumn and involved artists from every county.",
            "Amateur art groups from {n} enterprises staged performances on the opening evening.",
        ),
        "close": (
            "The event will remain open to the public until the end of next month.",
            "The event was attended by officials, artists and local residents.",
            "The organisers plan to hold a similar event in a different province next year.",
            "Officials said they hoped the event would encourage more young people to take up the arts.",
        ),
    },
    {
        "tag": "environment",
        "stories": (
            ("Tree Planting Season Begins across {province}",
             "The spring tree planting season has begun across {province}, where saplings are to be planted on "
             "more than {big} hectares of hillsides, riverbanks and roadsides.",
             ("Forest rangers marked out the areas to be planted and showed volunteers how deep to dig each hole.",
              "Workers from factories and offices spent their days off planting trees on the hills around their "
              "towns.")),
            ("Tree Nursery in {place} Expands",
             "A tree nursery in {place} has been expanded with {n} new greenhouses, where saplings of larch, "
             "pine and fruit trees are raised for the whole province.",
             ("The nursery uses a drip watering system and grows saplings in small pots filled with humus.",
              "Pupils of nearby schools collected seeds of pine and oak in the autumn for the nursery.")),
            ("River Embankments Strengthened in {province}",
             "Work to strengthen river embankments has been completed in {province} ahead of the rainy season, "
             "covering a total length of {n} kilometres.",
             ("Stones and soil for the embankments were carried to the riverbanks by trucks and tractors from "
              "nearby farms.",
              "Willows and other water-loving trees were planted along the embankments to hold the soil in "
              "place.")),
            ("Forest Fire Prevention Stepped Up in {province}",
             "Measures to prevent forest fires during the dry spring weeks have been stepped up across "
             "{province}, where the area under forest has grown steadily in recent years.",
             ("Firebreaks were cleared along the edges of the forests and around villages at the foot of the "
              "hills.",
              "Watchtowers were repaired and volunteers take turns to keep watch from them during the driest "
              "days.")),
            ("Hillsides around {place} Replanted with Fruit Trees",
             "Bare hillsides around {place} have been replanted with chestnut, walnut and apricot trees, which "
             "will protect the soil and give fruit to local people.",
             ("The slopes were first terraced so that rainwater soaks into the ground instead of running off.",
              "Each village has been put in charge of looking after the trees on the hills nearest to it.")),
        ),
        "body": (
            "Saplings raised in nurseries have strong roots and survive better on steep, dry slopes.",
            "Local people look after the young trees planted near their villages and water them in dry weather.",
            "Officials said that the area covered by forest in the province had grown every year for a decade.",
            "Larch and pine are chosen for the steepest slopes, while fruit trees are planted closer to villages.",
            "The forestry station of {province} supplies young trees and tools to every county.",
            "Scientists of a forestry research institute advise on which species suit each kind of soil.",
            "Forest rangers check the young plantations regularly and replace any trees that have died.",
            "Land management officials said the work would help protect the land from floods and soil erosion.",
            "Schools and enterprises have each been given a stretch of hillside to look after for several years.",
        ),
        "close": (
            "The campaign will continue until the end of April.",
            "Similar work is being done in other parts of {province}.",
            "Officials of the land and environment protection department inspected the work.",
            "The work is to be completed before the start of the rainy season.",
        ),
    },
    {
        "tag": "external-relations",
        "stories": (
            ("Photo Exhibition Held Abroad",
             "A photo exhibition showing the construction of new towns and factories was held at a cultural "
             "centre abroad, organised by a local friendship group.",
             ("Photographs on display showed modern apartment blocks, schools and greenhouse farms.",
              "The exhibition drew {big} visitors over the course of a week.")),
            ("Seminar on Juche Idea Held in South America",
             "A seminar on the Juche idea was held by a study group in a South American capital, with members of "
             "{n} local organisations taking part.",
             ("Speakers stressed the importance of independence and self-reliance in building a prosperous "
              "country.",
              "Members of the study group spoke about their impressions from a visit made two years ago.")),
            ("Film Show Held in European City",
             "A show of feature films and documentaries was held in a European city by a local society for "
             "friendship, drawing an audience of film lovers and students.",
             ("The films shown included a drama about life in a mining town and a documentary about the "
              "country's mountains.",
              "After the screenings the audience discussed the films with members of the society.")),
            ("Book Exhibition Opens in Southeast Asia",
             "An exhibition of books published in {n} languages has opened at a library in a Southeast Asian "
             "capital, organised by a friendship association.",
             ("Books on history, literature, science and cooking were on display, together with children's "
              "picture books.",
              "Visitors could take home leaflets and booklets introducing the country's culture.")),
            ("Traditional Cuisine Introduced at Event Abroad",
             "Traditional dishes were introduced at a cultural event held in an African capital by a local "
             "friendship group, which invited cooks and journalists to take part.",
             ("Guests tasted cold noodles, rice cakes and kimchi prepared according to traditional recipes.",
              "A cook explained how kimchi is prepared for the winter and stored in earthenware jars.")),
        ),
        "body": (
            "The event was opened with a speech by the chairman of the friendship group.",
            "Participants said they were interested in learning more about the country's history and culture.",
            "Local newspapers and websites published articles introducing the event to their readers.",
            "Members of the organising group handed out books and leaflets to visitors.",
            "A reception was given in honour of the participants at the end of the event.",
            "The organisers said they planned to hold similar events in other cities of the country.",
            "Talks were held on expanding exchanges in the fields of education, culture and sport.",
            "The event was prepared over several months by volunteers of the friendship group.",
            "Participants adopted a letter expressing their wish for friendly relations between the two peoples.",
        ),
        "close": (
            "The event ended with the showing of a documentary film.",
            "The participants agreed to meet again next year.",
            "The organisers thanked everyone who had helped to prepare the event.",
            "The event was covered by local television and radio.",
        ),
    },
)

#: The article the watch site links from its home page yet forbids in robots.txt (`/private/`).
WATCH_PRIVATE = (
    "Members' Archive: Early Drafts of the Weekly Digest",
    (
        "This page collects early drafts of the weekly digest that are kept for subscribers only and are "
        "not meant to be indexed, copied or crawled by any robot that reads the site's rules.",
        "A crawler that obeys robots.txt never fetches this page, so no record made from it should ever appear "
        "in the output of a well-behaved crawl of the demo site.",
        "If you can read this sentence in a crawl's output, the crawler ignored the Disallow rule for the "
        "private folder of the site and fetched a page it was told to leave alone.",
    ),
)

# --------------------------------------------------------------------------- magazine (UK)

MAG_CITIES = ("Leeds", "Bristol", "Norwich", "Sheffield", "Cardiff", "Plymouth", "Leicester", "York",
              "Nottingham", "Exeter", "Newcastle", "Brighton", "Derby", "Swansea", "Aberdeen", "Coventry")

MAG_AUTHORS = ("Amelia Hartwell", "Tom Branscombe", "Priya Kalsi", "Owen Pritchard", "Rosie Callander",
               "Daniel Okafor")

#: Podcast boxes: (heading, episode line); the heading wording varies from page to page.
MAG_PODCASTS = (
    ("Discover our latest podcast", "Ohmymag Talks - Episode {n}: is it worth switching your bank?"),
    ("Listen to our latest podcast", "Ohmymag Talks - Episode {n}: the truth about meal deals"),
    ("Catch up on our weekly podcast", "Ohmymag Talks - Episode {n}: how to sleep through a heatwave"),
)

#: Newsletter boxes: (heading, blurb).
MAG_NEWSLETTERS = (
    ("Sign up to our daily newsletter", "The stories everyone is talking about, straight to your inbox "
                                        "every morning."),
    ("Get our free weekly newsletter", "Money-saving tips, health news and the best of the week, every "
                                       "Friday in your inbox."),
)

def _story(title: str, slug: str, standfirst: str, body: tuple[str, ...], quote: tuple[str, str],
           bullets: tuple[str, tuple[str, ...]], sources: tuple[str, ...]) -> dict:
    """One magazine story: its headline, the other headline its URL slug names, standfirst, its own
    sentences, a quotation (intro sentence ending in a colon, quoted text), a bullet list (intro
    sentence, items) and its "Sources used:" entries."""
    return {"title": title, "slug": slug, "standfirst": standfirst, "body": body, "quote": quote,
            "bullets": bullets, "sources": sources}


#: One dict per topic: `section` (its section page), `tag` (its tag page), `headings` (sub-headings
#: that suit any of its stories), `body` (sentences that suit any of its stories) and `stories`.
MAG_TOPICS: tuple[dict, ...] = (
    {
        "section": "health",
        "tag": "wellbeing",
        "headings": ("What the researchers found", "Why it matters", "What the experts recommend",
                     "A word of caution", "How to get started", "What happens next"),
        "body": (
            "Experts who were not involved in the work said the findings were encouraging but that larger studies "
            "were needed.",
            "GPs say they are often asked about simple changes that could help, and that small habits are easier "
            "to keep up than strict regimes.",
            "Anyone with a long-term condition is advised to speak to their doctor before making changes to their "
            "routine.",
            "Doctors point out that sleep, diet and exercise affect one another, so a change in one often helps "
            "the others.",
            "Charities say that cost is often a barrier, and that free local groups can help people keep going.",
            "Many people only realise how much a problem affects them once they try to change it for a few weeks.",
        ),
        "stories": (
            _story(
                "Ten minutes of stretching before bed may help you sleep longer, researchers say",
                "the-simple-bedtime-habit-experts-swear-by",
                "A short routine of gentle stretches in the evening helped adults with restless nights fall asleep "
                "faster and wake up less often, according to a small trial run by a sleep clinic in {city}.",
                ("The volunteers kept a diary of their sleep for {n} weeks, and the researchers compared it with "
                 "readings from wrist-worn monitors.",
                 "Half of the group did slow stretches for ten minutes before bed, while the others simply went to "
                 "bed as usual.",
                 "Those who stretched fell asleep on average a quarter of an hour sooner and woke less often during "
                 "the night.",
                 "Most of the people taking part were in their forties and fifties, and about half of them worked "
                 "shifts or long hours.",
                 "The routine included gentle neck rolls, a forward bend while seated and lying with the legs raised "
                 "against a wall.",
                 "The clinic in {city} now plans to follow a larger group of volunteers for a whole year."),
                ("The clinic's lead researcher described the results in plain terms:",
                 "Honestly, we expected a much smaller effect. Nobody had to buy anything or join a gym, and most "
                 "people noticed a difference within the first week."),
                ("If you want to try it tonight, the clinic suggests a few simple rules:",
                 ("Stretch slowly and never to the point of pain.",
                  "Keep the lights low and put your phone in another room.",
                  "Breathe out slowly as you move into each stretch.")),
                ("Journal of Everyday Physiology: 'Evening stretching and sleep quality in working adults'",
                 "The Northern Ledger: 'Ten minutes on the mat could mean a better night, clinic finds'"),
            ),
            _story(
                "Drinking water before meals could help curb afternoon snacking, dietitians say",
                "the-glass-of-water-trick-that-could-stop-you-snacking",
                "Office workers who drank a large glass of water half an hour before lunch said they felt fuller and "
                "reached for fewer biscuits and crisps later in the day, a survey carried out in {city} suggests.",
                ("The survey asked {n} hundred office workers to record what they drank and ate over two working "
                 "weeks.",
                 "In the second week, half of them were asked to drink a large glass of water about thirty minutes "
                 "before lunch.",
                 "Those who did so said they ate fewer sweet snacks in the afternoon and felt less sluggish at their "
                 "desks.",
                 "Dietitians say that thirst is easily mistaken for hunger, particularly in warm, air-conditioned "
                 "offices.",
                 "The NHS recommends six to eight glasses of fluid a day, and water, lower-fat milk and sugar-free "
                 "drinks all count.",
                 "The researchers admit that people who join a study like this may already be more careful about "
                 "what they eat."),
                ("A dietitian who reviewed the survey for us was more cautious:",
                 "It is a sensible habit and it is unlikely to do any harm, but a glass of water is not a diet. What "
                 "you eat at lunch still matters far more."),
                ("The dietitians suggest a few ways to drink a little more during the day:",
                 ("Keep a glass of water on your desk and refill it every hour.",
                  "Add a slice of lemon or cucumber if you find plain water dull.",
                  "Have a drink with every meal rather than waiting until you feel thirsty.")),
                ("Healthwise Weekly: 'Could a glass of water stop the three o'clock biscuit?'",
                 "Workplace Wellbeing Review: 'Hydration and snacking at work: survey results'"),
            ),
            _story(
                "Why your back aches after working from home, and what physios recommend",
                "this-is-why-your-back-hurts-every-evening",
                "Physiotherapists in {city} say they are seeing more patients with stiff backs and necks who work at "
                "kitchen tables, and that a few small changes to a home desk can make a real difference.",
                ("Physiotherapists say the problem is rarely caused by one bad day, but by months of sitting hunched "
                 "over a laptop.",
                 "Kitchen chairs are usually too low for the table and give little support to the lower back.",
                 "Raising the screen so that its top is level with your eyes stops you leaning your head forward for "
                 "hours.",
                 "A rolled-up towel behind the lower back can do the job of an expensive office chair, according to "
                 "the physios.",
                 "A clinic in {city} told us that around {n} in ten of its new patients now work at least partly "
                 "from home.",
                 "Short breaks every half an hour to stand up and walk around the room make a real difference over a "
                 "week."),
                ("One physiotherapist summed up the advice for us:",
                 "The best posture is your next posture. Nobody is designed to sit still for eight hours, however "
                 "good the chair is, so keep changing position."),
                ("The physiotherapists recommend a few easy changes to a home desk:",
                 ("Put your laptop on a pile of books and use a separate keyboard.",
                  "Keep your feet flat on the floor or on a low box.",
                  "Set a timer to remind you to stand up every thirty minutes.")),
                ("The Physio Times: 'Kitchen table backs: a new problem for a new way of working'",
                 "Westmoor Gazette: 'Working from home is giving us bad backs, clinics warn'"),
            ),
            _story(
                "Hay fever season is starting early this year: how to keep symptoms under control",
                "sneezing-already-you-are-not-imagining-it",
                "Pollen counts in parts of the country have risen weeks ahead of the usual season, and pharmacists "
                "in {city} say they are already answering questions from customers who are struggling to sleep.",
                ("A mild and damp winter meant that tree pollen, especially from birch and alder, began to be "
                 "released earlier than usual.",
                 "Around one in four adults in the UK are thought to suffer from hay fever, and many more have milder "
                 "symptoms.",
                 "Pharmacists can recommend antihistamine tablets, nasal sprays and eye drops, many of which are "
                 "cheaper as own-brand versions.",
                 "Symptoms often get worse in the early evening, when pollen that has risen during the day settles "
                 "back down.",
                 "A pharmacist in {city} said several customers had come in thinking they had a cold that would not "
                 "go away.",
                 "Anyone whose symptoms include wheezing or a tight chest should see a doctor, as hay fever can make "
                 "asthma worse."),
                ("A spokesperson for an allergy charity told us:",
                 "People often wait until they are really suffering before they do anything. Starting treatment a "
                 "couple of weeks before your usual season can make a big difference."),
                ("On high pollen days, the pharmacists suggest the following:",
                 ("Shower and change your clothes when you come in from outside.",
                  "Keep windows closed in the early morning and the evening.",
                  "Dry washing indoors so that pollen does not stick to it.")),
                ("Allergy Matters: 'Early start to the pollen season: what to expect'",
                 "The Northern Ledger: 'Pharmacists report early rush for hay fever remedies'"),
            ),
            _story(
                "Cold water swimming is booming, but doctors urge beginners to take it slowly",
                "the-winter-trend-doctors-want-you-to-think-twice-about",
                "Open-water swimming groups around {city} report record numbers of new members this winter, and "
                "doctors are reminding newcomers that the shock of cold water can be dangerous for anyone who "
                "rushes in.",
                ("Swimming groups say that many of their new members were inspired by friends who swear it helps "
                 "them feel calmer.",
                 "The first minute in cold water causes a sharp gasp and a racing heart, which is when most accidents "
                 "happen.",
                 "Doctors advise anyone with heart problems or high blood pressure to get a check-up before trying "
                 "it.",
                 "Experienced swimmers build up slowly over the autumn, so that their bodies adjust as the water gets "
                 "colder.",
                 "A group that meets at a lake near {city} told us it had welcomed more than {tens} new swimmers since "
                 "October.",
                 "Warming up afterwards matters as much as the swim itself, and a hot drink and layers of dry clothes "
                 "are essential."),
                ("A sports doctor who swims all year round told us:",
                 "I love it, but I would never tell a beginner to jump straight in. Walk in slowly, keep your head "
                 "above water and get out before you start to shiver."),
                ("If you want to give it a try, the doctors advise the following:",
                 ("Never swim alone, and tell someone where you are going.",
                  "Stay in for a minute or two at first and get out before you feel numb.",
                  "Wear a bright hat so that you are easy to see.")),
                ("Open Water Review: 'A record winter for wild swimming groups'",
                 "Healthwise Weekly: 'Cold water swimming: the risks for beginners'"),
            ),
        ),
    },
    {
        "section": "money",
        "tag": "household-bills",
        "headings": ("What is changing", "Who will be affected", "What you can do now", "The small print",
                     "How to check", "What the experts say"),
        "body": (
            "Money advisers say it is always worth reading letters from your providers carefully rather than "
            "putting them in a drawer.",
            "People on benefits or a low income may be able to get extra help, and it is worth asking directly.",
            "Citizens Advice in {city} said it had seen a rise in the number of people asking for help with bills "
            "this year.",
            "Experts warn that you should never pay a company to do something you can easily do yourself for free.",
            "Consumer groups say that a few minutes spent checking can save a household a surprising amount over a "
            "year.",
        ),
        "stories": (
            _story(
                "Energy bills to fall slightly from April, but standing charges rise again",
                "the-change-to-your-energy-bill-you-might-have-missed",
                "Households on standard tariffs will pay a little less for each unit of gas and electricity from "
                "April, but the fixed daily charge is going up again, which means many low users will see almost no "
                "saving.",
                ("The new rates come into force on the first of April and apply to households on standard variable "
                 "tariffs in England, Scotland and Wales.",
                 "Anyone who pays by direct debit should receive a letter from their supplier explaining what the new "
                 "rates mean for them.",
                 "Money advisers recommend taking a meter reading on the day the change begins, so that you are not "
                 "charged the new rate for energy already used.",
                 "The standing charge is a fixed amount paid every day, whether or not any gas or electricity is "
                 "used.",
                 "For a typical home the saving works out at around {n} pounds a month, but low users may see almost "
                 "no difference.",
                 "Fixed deals are starting to appear again, though comparison sites say few of them are cheaper than "
                 "the new cap."),
                ("A money adviser we spoke to put it simply:",
                 "Do not assume the price cap protects you from every rise. Look at the standing charge on your "
                 "statement, because that is the part you pay even if you use nothing at all."),
                ("Before the change, it helps to have a few things to hand:",
                 ("Your latest bill or annual statement.",
                  "A photo of your meter reading taken on the first of April.",
                  "A note of your current direct debit amount.")),
                ("The Money Desk: 'What the new price cap means for your bills'",
                 "Household Finance Today: 'Standing charges explained'"),
            ),
            _story(
                "Supermarket loyalty prices: are members really getting a better deal?",
                "the-supermarket-trick-shoppers-are-only-just-noticing",
                "Consumer researchers who tracked {tens} everyday items for six months found that loyalty card prices "
                "were often genuine discounts, but that some products had quietly gone up before being offered at a "
                "members' price.",
                ("The researchers compared the shelf price and the members' price of each item every week, in stores "
                 "and online.",
                 "Most of the discounts were genuine, with members paying on average about {pct} percent less on the "
                 "items tracked.",
                 "On a handful of products, however, the normal price had risen in the weeks before a members' offer "
                 "appeared.",
                 "Consumer groups say that comparing prices per kilo or per litre is the most reliable way to spot a "
                 "real bargain.",
                 "Shoppers told us they felt pressured to sign up for a loyalty card just to pay what they saw as a "
                 "fair price.",
                 "A spokesperson for one of the large chains said its prices were checked every week and that members "
                 "always paid less than other shoppers."),
                ("A consumer researcher who led the study told us:",
                 "Loyalty schemes are not a con, but they are not charity either. The supermarkets get a great deal "
                 "of information about what you buy in return for those discounts."),
                ("To make sure you are getting a real bargain, the researchers suggest the following:",
                 ("Look at the price per kilo or per litre on the shelf label.",
                  "Take a photo of the price of things you buy often.",
                  "Compare own-brand products with the branded ones on offer.")),
                ("Consumer Watchdog Review: 'Loyalty prices under the microscope'",
                 "The Shopping Basket: 'Six months of supermarket prices, tracked'"),
            ),
            _story(
                "Millions could be owed money from old savings accounts, campaigners say",
                "check-now-you-might-have-money-waiting-for-you",
                "Campaigners believe that millions of pounds are sitting in forgotten savings accounts opened decades "
                "ago, and that many of the owners, or their families, have no idea the money is still there.",
                ("Many of the accounts were opened by parents or grandparents for children, and the paperwork has "
                 "long since been lost.",
                 "Banks and building societies are required to keep the money safe however long an account has been "
                 "left untouched.",
                 "Interest is usually added over the years, so some balances are worth noticeably more than the "
                 "original deposit.",
                 "Checking takes only a few minutes online, and you need the name and address that were used when the "
                 "account was opened.",
                 "There are free official services for tracing lost accounts, pensions and premium bonds, so nobody "
                 "needs to pay a middleman.",
                 "The campaigners say that accounts belonging to people who have died are among the most often "
                 "forgotten."),
                ("The campaigners' spokesperson told us:",
                 "People are often amazed. We have heard from readers who found a few hundred pounds that a "
                 "grandparent put aside for them when they were born."),
                ("Before you start searching, gather a few details:",
                 ("Every address you have lived at since childhood.",
                  "Any old passbooks, letters or statements you can find.",
                  "The full names of relatives who might have opened an account for you.")),
                ("The Northern Ledger: 'Forgotten accounts worth millions, say campaigners'",
                 "Savings Sense: 'How to trace a lost bank account'"),
            ),
            _story(
                "Council tax is going up again: here is how to check you are in the right band",
                "the-letter-that-could-save-you-hundreds-of-pounds",
                "Most councils in England are raising bills again this spring, and advisers in {city} say it is worth "
                "checking your band, because a small number of homes are still charged too much.",
                ("Bands in England are still based on what a home would have sold for in 1991, which means some were "
                 "set by guesswork.",
                 "Comparing your band with those of similar houses on your street is the quickest way to spot a "
                 "possible mistake.",
                 "If you think your band is wrong, you can ask for it to be reviewed free of charge, though the band "
                 "can go up as well as down.",
                 "Successful challenges are often backdated, so some households have received refunds covering many "
                 "years.",
                 "Discounts are available for people who live alone, for students and for some people with "
                 "disabilities.",
                 "Most councils will raise their charges by close to the maximum allowed without holding a local "
                 "vote."),
                ("A local tax adviser in {city} told us:",
                 "Most people are in the right band, so do your homework before you ask for a review. If your "
                 "neighbours in identical houses pay less, that is a good sign something has gone wrong."),
                ("Here is a quick checklist from the advisers:",
                 ("Find your band on the official valuation website.",
                  "Look up the bands of similar homes nearby.",
                  "Check whether you qualify for a single person discount.")),
                ("Household Finance Today: 'Checking your council tax band, step by step'",
                 "Local Government Digest: 'Council tax rises confirmed across England'"),
            ),
        ),
    },
    {
        "section": "home-garden",
        "tag": "home",
        "headings": ("Why it happens", "What the experts suggest", "When to start", "Mistakes to avoid",
                     "A little goes a long way", "What you will need"),
        "body": (
            "Surveys suggest that households spend more on their homes and gardens in spring than at any other time "
            "of year.",
            "Experts say that the cheapest changes are often the ones that make the most difference.",
            "Councils and charities in many areas run free advice sessions and events at this time of year.",
            "Many readers told us they had learned most of what they know from neighbours and family rather than "
            "from books.",
            "A little time spent each week is more effective than one big effort each season, according to the "
            "experts.",
        ),
        "stories": (
            _story(
                "How to tackle damp and mould this spring without expensive gadgets",
                "the-cheap-trick-that-stops-mould-coming-back",
                "Damp and black mould are among the most common problems in British homes at the end of winter, and "
                "surveyors in {city} say that simple, cheap changes to daily routines often make the biggest "
                "difference.",
                ("Surveyors say that drying clothes indoors and cooking without a lid are two of the main reasons "
                 "moisture builds up in the colder months.",
                 "Opening windows for ten minutes in the morning lets damp air out without cooling the house too "
                 "much.",
                 "Leaving a gap between furniture and outside walls lets air circulate and stops damp patches forming "
                 "behind wardrobes.",
                 "A cheap hygrometer can show which rooms are worst affected and whether your changes are working.",
                 "Tenants who notice mould should report it to their landlord in writing, and keep photographs of the "
                 "problem.",
                 "In a survey of {n} hundred households, more than half said they had seen mould in at least one room "
                 "this winter."),
                ("A chartered surveyor explained why the problem keeps returning:",
                 "Most of the mould I see is caused by everyday moisture that has nowhere to go. Bleach makes it look "
                 "better for a week, but unless the air can move it will come straight back."),
                ("Here are the steps the surveyors recommend:",
                 ("Wipe condensation off windows every morning with a cloth.",
                  "Keep the bathroom door closed while showering and open a window afterwards.",
                  "Put lids on pans and use the extractor fan when cooking.")),
                ("Homes and Gardens Digest: 'Why mould keeps coming back, and how to stop it'",
                 "Tenants' Voice: 'Damp and mould: your rights as a renter'"),
            ),
            _story(
                "Gardeners are being asked to leave part of their lawn unmown this spring",
                "why-you-should-put-the-lawnmower-away-this-month",
                "Wildlife charities are asking gardeners to leave at least part of their lawn to grow during the "
                "spring, saying that even a small patch of long grass can help bees, butterflies and birds.",
                ("Wildlife experts say that dandelions and clover are among the first sources of food for bees waking "
                 "up after the winter.",
                 "Neighbours are sometimes puzzled by an untidy patch of grass, so some gardeners put up a small sign "
                 "to explain what they are doing.",
                 "The charity says the number of households taking part has doubled since the campaign was first "
                 "launched.",
                 "Long grass also gives shelter to beetles, spiders and frogs, which in turn feed birds and "
                 "hedgehogs.",
                 "Gardeners who took part last year counted more than {tens} different kinds of wild flower in their "
                 "uncut patches.",
                 "The lawn can be cut as normal again in the summer, and most of it will recover within a few weeks."),
                ("A spokesperson for the wildlife charity said:",
                 "You do not need a big garden to help. A strip of long grass a metre wide can be full of life within "
                 "a few weeks, and it means less work for you as well."),
                ("If you want to join in this spring, the charity suggests the following:",
                 ("Choose a corner of the lawn that gets some sun during the day.",
                  "Mow a path through the long grass so that it still looks cared for.",
                  "Note down the flowers and insects you spot each week.")),
                ("Wildlife Matters: 'Let it grow: the case for longer lawns'",
                 "The Garden Almanac: 'Why a messy lawn is good news for bees'"),
            ),
            _story(
                "What to plant now for a colourful garden by the summer",
                "the-flowers-you-need-to-plant-before-the-end-of-the-month",
                "Garden centres in {city} report a rush of customers buying seeds and young plants, and horticulture "
                "experts say there is still time to sow for a bright display by the middle of the summer.",
                ("Sowing seeds in small pots on a sunny windowsill gives them a head start before they are planted "
                 "outside.",
                 "Sweet peas, cosmos and marigolds are easy to grow from seed and flower for months if they are picked "
                 "regularly.",
                 "Frost can still strike in many parts of the country until the middle of May, so tender plants are "
                 "best kept indoors at night.",
                 "Bags of compost are usually cheaper in late winter, and many garden centres offer discounts when you "
                 "buy several at once.",
                 "Experts recommend watering in the early morning or the evening, when less water is lost to the sun.",
                 "One garden centre near {city} said sales of seed packets were up by {pct} percent on the same weeks "
                 "last year."),
                ("A horticulturist at the garden centre told us:",
                 "People think they have missed the boat if they have not sown anything by March, but that is not "
                 "true. There are plenty of flowers that will catch up if you start them now."),
                ("If you want to get started this weekend, try the following:",
                 ("Sow seeds thinly and cover them with a light layer of compost.",
                  "Label every pot so you know what is coming up.",
                  "Turn the pots on the windowsill every day so the seedlings grow straight.")),
                ("The Garden Almanac: 'What to sow in March and April'",
                 "Grow Your Own Monthly: 'Late starters: flowers you can still sow'"),
            ),
            _story(
                "Hedgehogs are returning to suburban gardens, volunteers say",
                "the-night-time-visitor-you-might-spot-in-your-garden",
                "Volunteers who count wildlife in back gardens around {city} say they are seeing hedgehogs more often "
                "than five years ago, and they believe small changes made by householders are part of the reason.",
                ("Volunteers record sightings each evening during spring and summer and send them to a national "
                 "survey.",
                 "Hedgehogs travel up to a mile a night in search of food, so gaps between gardens make a big "
                 "difference.",
                 "Many households have cut small holes about the size of a CD at the bottom of their fences to let "
                 "them through.",
                 "Slug pellets and garden netting remain two of the biggest dangers to hedgehogs in towns, according "
                 "to the volunteers.",
                 "A shallow dish of water and a little meaty cat food can help hedgehogs in dry weather, but milk and "
                 "bread should be avoided.",
                 "The group near {city} said it had recorded sightings in {n} streets where none had been seen five "
                 "years ago."),
                ("One of the volunteers who coordinates the counts told us:",
                 "Five years ago we were worried that we would stop seeing them altogether in this area. Now people "
                 "are sending us videos from their doorbell cameras almost every night."),
                ("The volunteers suggest a few easy ways to help:",
                 ("Leave a small gap at the bottom of your fence.",
                  "Check long grass and compost heaps before using a strimmer or fork.",
                  "Leave a pile of leaves or logs in a quiet corner.")),
                ("Wildlife Matters: 'Hedgehog sightings rise in suburban gardens'",
                 "Westmoor Gazette: 'Neighbours cut holes in fences to help hedgehogs'"),
            ),
        ),
    },
    {
        "section": "travel",
        "tag": "travel",
        "headings": ("What is changing", "What to check before you go", "Tips for a smoother journey",
                     "Your rights if things go wrong", "What happens next"),
        "body": (
            "Travel experts say that checking a few details before you leave home can save a great deal of stress "
            "later.",
            "Consumer groups advise keeping receipts and booking confirmations until well after you get home.",
            "Prices tend to rise sharply in the school holidays, so travelling just before or after can make a big "
            "difference.",
            "Readers who contacted us about their journeys said that clear information mattered more to them than "
            "anything else.",
        ),
        "stories": (
            _story(
                "Rail passengers face weekend disruption as engineering works begin",
                "planning-a-train-trip-this-spring-read-this-first",
                "Passengers travelling by train between {city} and London are being warned of weeks of weekend "
                "disruption, with rail replacement buses running on several routes while old tracks and signals are "
                "renewed.",
                ("Network engineers say the work is needed to replace signalling equipment that in some places is "
                 "more than forty years old.",
                 "Journeys will take up to an hour longer than usual, and passengers with bikes or large luggage may "
                 "find space on buses limited.",
                 "Tickets already bought for the affected dates can be refunded without a fee, or used on another "
                 "day.",
                 "Passengers are advised to check journey planners on the morning they travel, as plans can change at "
                 "short notice.",
                 "The operator said it had planned the work for weekends to keep disruption to commuters as low as "
                 "possible.",
                 "Extra staff will be on hand at the main stations to direct passengers to the replacement buses."),
                ("A spokesperson for the train operator said:",
                 "We know this is frustrating, and we are sorry for the disruption. When the work is finished, trains "
                 "on these lines will be more reliable and journeys will be quicker."),
                ("Before you set off, the operator suggests a few checks:",
                 ("Look up your journey on the morning you travel.",
                  "Book a seat where possible, especially on Friday evenings.",
                  "Allow extra time for connections at the busiest stations.")),
                ("Rail Passenger Weekly: 'Engineering works: the weekends to avoid'",
                 "The Northern Ledger: 'Weeks of weekend disruption for rail passengers'"),
            ),
            _story(
                "New passport rules: what families travelling to Europe need to know",
                "the-passport-mistake-that-could-ruin-your-holiday",
                "Families planning a holiday in Europe this year are being reminded to check the dates on their "
                "passports carefully, as travellers are still being turned away at airports because of documents "
                "that are too old.",
                ("Passports issued more than ten years before the date you travel can cause problems at the border "
                 "even if they have not yet expired.",
                 "Travel agents say they receive calls every week from customers who only discovered the problem at "
                 "the check-in desk.",
                 "Children's passports are only valid for five years, which catches many parents out.",
                 "Airlines are not obliged to refund passengers who are refused boarding because their documents are "
                 "not valid.",
                 "Standard renewals usually take about three weeks, but waiting times tend to grow in the spring and "
                 "early summer.",
                 "A family from {city} told us they lost the cost of a week's holiday after one child's passport was "
                 "found to be too old."),
                ("A travel agent with thirty years' experience told us:",
                 "I check every customer's passport dates now, because so many people get caught out. It takes two "
                 "minutes, and it saves a lot of tears at the airport."),
                ("Before you book, travel experts recommend the following:",
                 ("Check the issue date as well as the expiry date of every passport.",
                  "Make sure there are at least three months left after the day you come home.",
                  "Renew well before the summer rush if you are in any doubt.")),
                ("Traveller's Companion: 'The passport rules that still catch families out'",
                 "Holiday Rights Bulletin: 'Refused boarding: what airlines must and must not do'"),
            ),
            _story(
                "Coastal towns prepare for record numbers of visitors this Easter",
                "the-seaside-towns-expecting-a-record-easter",
                "Seaside towns are preparing for one of their busiest Easter weekends in years, with hotels and "
                "campsites near {city} reporting that most rooms and pitches have already been booked for the long "
                "weekend.",
                ("Local councils have added extra bins and toilets along the seafront, and some car parks will open "
                 "earlier than usual.",
                 "Tourism officials estimate that visitors will spend around {price} thousand pounds in the town over "
                 "the long weekend.",
                 "Campsite owners say that bookings from families have risen by {pct} percent compared with last "
                 "Easter.",
                 "Restaurants and cafes in the area are recruiting extra staff to cope with the expected crowds.",
                 "Lifeguard patrols will start on some beaches over the holiday, several weeks earlier than in most "
                 "years.",
                 "Residents have mixed feelings, welcoming the business but worrying about traffic on the narrow coast "
                 "roads."),
                ("The owner of a family-run guest house told us:",
                 "It feels like the old days again. We have had people booking for Easter since January, and the "
                 "phone has not stopped ringing."),
                ("To make the most of a busy weekend, locals suggest the following:",
                 ("Arrive early in the morning to find a parking space.",
                  "Book tables at restaurants in advance.",
                  "Check tide times before walking along the beach.")),
                ("Coastal Chronicle: 'Easter bookings soar along the coast'",
                 "Seaside Business News: 'Guest houses prepare for their busiest spring in years'"),
            ),
            _story(
                "Cheaper off-peak rail fares trial to be extended to more routes",
                "the-train-ticket-change-that-could-halve-your-fare",
                "A trial of simpler and cheaper off-peak train fares is to be extended to routes serving {city} from "
                "the summer, after the operator said passenger numbers had risen on the lines where it began.",
                ("Under the trial, a single off-peak fare replaced several different tickets that had confused "
                 "passengers for years.",
                 "The operator said passenger numbers on the trial routes had risen by {pct} percent since the new "
                 "fares were introduced.",
                 "Campaigners welcomed the move but said that peak fares for commuters remained far too high.",
                 "Tickets can be bought at stations, online or on the train where a station has no ticket office.",
                 "The cheaper fares apply to journeys after the morning rush hour and at weekends.",
                 "Ministers are expected to decide later this year whether the scheme should be rolled out across the "
                 "whole country."),
                ("A spokesperson for a passengers' group said:",
                 "For years people have told us they simply did not understand which ticket to buy. Anything that "
                 "makes fares simpler and cheaper is a step in the right direction."),
                ("Passengers hoping to save money are advised to do the following:",
                 ("Check which trains count as off-peak on your route.",
                  "Buy your ticket before boarding where a ticket office is open.",
                  "Travel on weekdays after the morning rush if you can.")),
                ("Rail Passenger Weekly: 'Simpler fares trial to be extended'",
                 "Commuter Voice: 'Off-peak fares: who gains and who does not'"),
            ),
        ),
    },
    {
        "section": "news",
        "tag": "consumer",
        "headings": ("How it works", "What to do if you are affected", "What the company says", "How to complain",
                     "What the experts say"),
        "body": (
            "Trading standards officers in {city} said they had received a number of complaints in recent weeks.",
            "Consumer groups say that many people never report a problem because they assume nothing will be done.",
            "Keeping a written record of what happened, with dates and times, makes any complaint much easier to "
            "pursue.",
            "Experts say that the sooner a problem is reported, the more likely it is to be put right.",
        ),
        "stories": (
            _story(
                "Shoppers warned about fake parcel delivery texts ahead of the bank holiday",
                "do-not-click-this-text-warning-issued",
                "Police and consumer groups are warning shoppers about a new wave of fake text messages claiming that "
                "a parcel could not be delivered, which ask recipients to pay a small fee through a link.",
                ("The messages usually look genuine and include a tracking number, but the link leads to a website "
                 "that collects card details.",
                 "Anyone who has entered their bank details should contact their bank straight away and keep a note "
                 "of what happened.",
                 "Fraud experts say that scams tend to increase before bank holidays, when many people are waiting "
                 "for deliveries.",
                 "Suspicious texts can be forwarded free of charge to 7726, which helps phone networks block the "
                 "senders.",
                 "Genuine delivery firms do not usually ask for payment by text, and will leave a card or a message "
                 "with their own number.",
                 "Police said that victims had lost sums ranging from a few pounds to several thousand."),
                ("A fraud prevention officer told us:",
                 "These criminals are clever and the messages look very convincing. If in doubt, do not click, and go "
                 "to the delivery company's website directly instead."),
                ("If you are not sure whether a message is genuine, ask yourself a few questions:",
                 ("Were you actually expecting a parcel from that company?",
                  "Does the link point to the company's real website?",
                  "Is the message asking you to act urgently or pay a small fee?")),
                ("Consumer Watchdog Review: 'Parcel text scams on the rise'",
                 "Safe Home Bulletin: 'How to spot a fake delivery message'"),
            ),
            _story(
                "Popular kitchen gadget recalled over overheating fears",
                "check-your-kitchen-now-urgent-recall-issued",
                "A retailer has recalled a popular electric kitchen gadget sold in stores and online over the past "
                "year, after reports that the units can overheat if they are left switched on for long periods.",
                ("The company said it was contacting customers who bought the product online and would offer a full "
                 "refund.",
                 "Customers are asked to stop using the gadget immediately and to unplug it until they have returned "
                 "it.",
                 "The retailer said that only a small number of faults had been reported and that no one had been "
                 "seriously hurt.",
                 "The affected units can be identified by a batch number printed on a label underneath the base.",
                 "Product safety experts say it is always worth registering new appliances, so that manufacturers can "
                 "contact you about recalls.",
                 "Refunds will be given even without a receipt, according to the notice displayed in stores."),
                ("A spokesperson for the retailer said in a statement:",
                 "The safety of our customers is our first priority. We are sorry for any inconvenience and would ask "
                 "anyone who owns one of these products to return it to us for a full refund."),
                ("If you own one of the gadgets, consumer experts advise the following:",
                 ("Unplug it and leave it to cool before moving it.",
                  "Check the batch number on the label under the base.",
                  "Keep the box and any receipt if you can find them.")),
                ("Safe Home Bulletin: 'Kitchen gadget recall: what owners need to know'",
                 "Product Safety Notices: 'Electric kitchen appliance recalled over overheating risk'"),
            ),
            _story(
                "Thousands of readers tell us their broadband is slower than promised",
                "is-your-internet-slower-than-it-should-be",
                "Thousands of readers who took part in our survey said their home broadband was regularly slower than "
                "the speed they were promised, and many did not know they could ask for compensation.",
                ("More than {n} thousand readers responded to our survey in the space of a week.",
                 "Under the current rules, providers must tell customers the minimum speed they can expect before they "
                 "sign a contract.",
                 "If your speed stays below the promised minimum, your provider has a set period to fix the problem "
                 "before you can leave without a penalty.",
                 "Many readers told us they had given up complaining because it took too long to get through on the "
                 "phone.",
                 "Speeds often drop in the evening, when many households in the same area are streaming films at the "
                 "same time.",
                 "Old wiring inside the home and a router tucked away in a cupboard can also slow a connection down."),
                ("A spokesperson for the industry's trade body told us:",
                 "Providers want their customers to get the speeds they pay for. Anyone who is unhappy should contact "
                 "their provider first, and most problems can be fixed quickly."),
                ("Here is what to do next, according to consumer experts:",
                 ("Run a speed test at different times of day.",
                  "Write down the dates and times you called your provider.",
                  "Move your router out of cupboards and away from other electrical devices.")),
                ("Broadband Monitor: 'Slow speeds and how to claim compensation'",
                 "Consumer Watchdog Review: 'Our readers' broadband survey: the results'"),
            ),
        ),
    },
)

#: The magazine's video-only and podcast-only pages: (title, one short caption).
MAG_VIDEO = ("Video: how to bleed a radiator in two minutes", "Our handyman shows you how. 2:14")
MAG_PODCAST = ("Ohmymag Talks - Episode 52", "Episode 52. 31 minutes.")
