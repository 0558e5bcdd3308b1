"""Sentence pools for the labelled benchmark set (see `templates`). Every sentence here is invented
for this benchmark: plausible but fictional news prose, written for cleanwire and copied from nowhere.
The state-media pages also draw on the demo's pools (`crawler.demo.prose`).

A topic is a dict:

* `stories`: one dict per story: `title`, `lead` (the story's first sentence), `standfirst`
  (the summary a site prints under the headline, where it prints one) and, for stories told from
  elsewhere than `{city}`, `where` (the dateline's city);
* `body`: sentences that suit every story of the topic (a page uses each at most once);
* `headings`: sub-headings that suit any story of the topic;
* `quotes`: (sentence introducing a quotation, the quotation) pairs, for sites that set quotes apart;
* `bullets`: (sentence introducing a list, the items) pairs;
* `close`: sentences that end a story.

Slots filled per page (`compose.make_slots`): `{city}`, `{region}` (its province or region), `{n}`
(a small number, in words; `{cap_n}` capitalised), `{big}` (a larger number, in figures), `{pct}` (a
percentage), `{km}` (a distance), `{person}` and `{person2}` (invented names of officials or
residents), `{day}` (the weekday of publication).
"""

from __future__ import annotations

# ====================================================== China (Xinhua, Global Times, China Daily, CGTN)

CHINA_PLACES = (
    ("Yibin", "Sichuan Province"), ("Ganzhou", "Jiangxi Province"), ("Weifang", "Shandong Province"),
    ("Luoyang", "Henan Province"), ("Zunyi", "Guizhou Province"), ("Liuzhou", "Guangxi Zhuang Autonomous Region"),
    ("Yichang", "Hubei Province"), ("Quanzhou", "Fujian Province"), ("Jiaxing", "Zhejiang Province"),
    ("Zhangye", "Gansu Province"), ("Changde", "Hunan Province"), ("Baoding", "Hebei Province"),
)

CHINA_PEOPLE = ("Zhou Lanying", "He Jianguo", "Tang Ruixue", "Ma Wenbo", "Luo Xiaoqing", "Pan Deming",
                "Xu Yaling", "Cao Zhenhai", "Wei Shumin", "Deng Haoran", "Qin Yuefei", "Shi Guolin")

CHINA_TOPICS: tuple[dict, ...] = (
    {
        "name": "rail",
        "stories": (
            {"title": "High-speed railway links {city} with provincial capital",
             "lead": "A high-speed railway connecting {city} with the capital of {region} opened to traffic on "
                     "{day}, cutting the fastest journey between the two cities to a little over an hour.",
             "standfirst": "The {km}-km line is expected to carry more than {big} passengers a day in its first "
                           "year, according to the regional railway company."},
            {"title": "Night sleeper trains return to mountain route through {region}",
             "lead": "Overnight sleeper trains have resumed on a mountain route through {region}, giving "
                     "travellers from {city} a direct link to the coast for the first time in {n} years.",
             "standfirst": "Railway staff say bookings for the spring holiday season filled within two days of "
                           "the timetable being announced."},
            {"title": "Freight terminal in {city} handles record number of container trains",
             "lead": "A rail freight terminal on the outskirts of {city} handled a record number of container "
                     "trains in the first two months of the year, local transport authorities said on {day}.",
             "standfirst": "Trains leaving the terminal now carry machinery, furniture and farm produce to "
                           "more than {n} countries along overland routes."},
        ),
        "body": (
            "The line runs for {km} km and has {n} stations, three of which were built in towns that had never "
            "been served by a passenger railway.",
            "Trains on the route can reach speeds of 350 km per hour on the straight sections across the plain.",
            "Engineers had to dig more than twenty tunnels through the hills, the longest of them nearly nine km "
            "long.",
            "Ticket prices have been set slightly below those of the long-distance coaches that used to carry most "
            "travellers between the two cities.",
            "Local officials expect the line to bring more visitors to the area's hot springs and old town.",
            "Residents along the route were consulted on the position of noise barriers before the tracks were laid.",
            "Farmers in the villages near the new stations say they hope to sell fresh fruit to travellers passing "
            "through.",
            "\"My daughter works in the capital, and now she can come home for lunch on Sunday,\" said {person}, a "
            "retired teacher who took the first train.",
            "\"The railway changes how people in the county think about distance,\" said {person2}, deputy head of "
            "the city's transport bureau.",
            "Freight volumes on the corridor have grown by {pct} percent year on year, according to figures from the "
            "operator.",
            "A customs office at the terminal allows goods to be cleared on the spot instead of at the border.",
            "Maintenance crews inspect the track every night between midnight and five in the morning, when no "
            "passenger trains run.",
            "The station buildings were designed to echo the grey tiles and wooden eaves of the region's "
            "traditional houses.",
            "Companies in the local industrial park say the shorter journey times have made it easier to recruit "
            "engineers from larger cities.",
            "Work on a second line, heading west towards the neighbouring province, is due to start later this year.",
        ),
        "headings": ("Shorter journeys", "A boost for local business", "What comes next", "Built for the terrain"),
        "quotes": (),
        "bullets": (),
        "close": ("The railway company said it would add more services during the summer holidays if demand "
                  "stayed high.",),
    },
    {
        "name": "tea",
        "stories": (
            {"title": "Spring tea harvest begins early in hills around {city}",
             "lead": "Tea growers in the hills around {city} in {region} have begun picking the first leaves of "
                     "spring, about a week earlier than usual after a mild winter.",
             "standfirst": "Growers expect prices for the earliest pickings to hold steady after a good season "
                           "last year."},
            {"title": "Livestreamers help {city} tea farmers reach buyers across the country",
             "lead": "Tea farmers in {city} are selling a growing share of their harvest through livestreams, "
                     "with some villages reporting that online orders now make up half of their sales.",
             "standfirst": "A training centre run by the county teaches growers how to present their tea on "
                           "camera and handle orders."},
        ),
        "body": (
            "Pickers set out before dawn, when the leaves are still cool, and select only the bud and the first two "
            "leaves of each shoot.",
            "The fresh leaves are carried down the hillside in bamboo baskets and dried within a few hours in small "
            "workshops.",
            "A kilogram of the finest early tea can take a skilled picker two full days to gather.",
            "The county has about {big} hectares of tea gardens, most of them on terraces cut into steep slopes.",
            "Agricultural technicians have been teaching growers to use fewer chemicals and to keep bees among the "
            "bushes.",
            "\"The weather was kind to us this year, and the buds came out thick and even,\" said {person}, who has "
            "grown tea on the same slope for thirty years.",
            "Younger villagers who had moved to the cities for work are returning to help run family plantations.",
            "Sales of the county's tea rose by {pct} percent last year, helped by new orders from restaurants and "
            "hotels.",
            "A cooperative formed by {n} villages shares a processing workshop and a cold store.",
            "Visitors can stay in farmhouses on the plantations and try picking and roasting leaves themselves.",
            "\"Buyers want to know where their tea comes from, so we show them the slope it was picked on,\" said "
            "{person2}, a grower who hosts evening livestreams.",
            "Each packet now carries a code that buyers can scan to see when and where the leaves were picked.",
            "Local authorities have repaired mountain roads so that lorries can reach the higher gardens.",
            "A tea culture festival is planned for April, with tastings, competitions and folk performances.",
        ),
        "headings": ("An early start", "Selling online", "From slope to cup", "A new generation"),
        "quotes": (),
        "bullets": (),
        "close": ("The harvest of the early spring tea is expected to last until the middle of April.",),
    },
    {
        "name": "energy",
        "stories": (
            {"title": "Wind farm on the grasslands near {city} connected to grid",
             "lead": "A wind farm with {n} dozen turbines on the grasslands near {city} was connected to the "
                     "power grid on {day}, according to the project's operator.",
             "standfirst": "The farm is expected to generate enough electricity each year for about {big} "
                           "households."},
            {"title": "Floating solar plant opens on reservoir outside {city}",
             "lead": "A floating solar power plant covering part of a reservoir outside {city} has started "
                     "supplying electricity, local energy authorities said on {day}.",
             "standfirst": "Engineers say the panels also slow the evaporation of water from the reservoir "
                           "during the dry season."},
            {"title": "{city} battery plant begins mass production of storage units",
             "lead": "A factory in {city} has begun mass production of large battery units used to store "
                     "electricity from wind and solar farms.",
             "standfirst": "The plant employs about {big} people and plans to double its output within two "
                           "years."},
        ),
        "body": (
            "Each turbine stands about 150 meters tall, and the blades turn slowly even in a light breeze.",
            "Herders who graze sheep and cattle on the land around the turbines receive an annual payment from the "
            "operator.",
            "The panels rest on plastic floats anchored to the bottom of the reservoir and can rise and fall with "
            "the water level.",
            "Power from the project is carried to the cities of the east through a long-distance transmission line.",
            "The battery units are built in shipping containers so that they can be moved by truck to wherever they "
            "are needed.",
            "\"On a windy night we can now store power that would once have been wasted,\" said {person}, an engineer "
            "at the provincial grid company.",
            "Renewable sources supplied {pct} percent of the region's electricity last year, up from less than a "
            "tenth a decade ago.",
            "Technicians monitor the equipment from a control room in the city, where screens show the output of "
            "every unit.",
            "Local schools have organised visits so that pupils can see how the power plant works.",
            "The project was financed partly by green bonds sold to investors last autumn.",
            "\"Our village used to worry about power cuts every winter, and that has not happened for two years,\" "
            "said {person2}, a shopkeeper who lives near the site.",
            "Workers installed the equipment in less than eleven months despite heavy snow in the winter.",
            "Birds migrating over the area are tracked by radar, and turbines can be stopped when large flocks "
            "approach.",
            "A second phase of the project, with more capacity, has been approved by the provincial government.",
        ),
        "headings": ("Power for the east", "Living with the turbines", "Storing the surplus", "The next phase"),
        "quotes": (),
        "bullets": (),
        "close": ("The operator said construction of the second phase would begin before the end of the year.",),
    },
    {
        "name": "museum",
        "stories": (
            {"title": "Bronze ware from ancient tombs goes on show in {city}",
             "lead": "More than {big} bronze vessels, weapons and ornaments unearthed from ancient tombs went on "
                     "display at the municipal museum in {city} on {day}.",
             "standfirst": "Many of the pieces have never been shown to the public since they were excavated in "
                           "the 1980s."},
            {"title": "Restorers bring faded temple murals back to life in {region}",
             "lead": "A team of restorers has finished a {n}-year project to clean and repair the wall paintings "
                     "of a Ming Dynasty temple in {region}.",
             "standfirst": "The temple will reopen to visitors in May, with a limit on numbers to protect the "
                           "paintings."},
        ),
        "body": (
            "The exhibition is arranged in four halls, each devoted to a different period of the city's early history.",
            "Among the highlights is a wine vessel shaped like an owl, with feathers engraved in fine detail.",
            "Restorers used soft brushes and a mixture of distilled water and alcohol to remove centuries of soot.",
            "Digital scans of the objects allow visitors to turn them around on touch screens and examine the "
            "inscriptions.",
            "\"Each inscription tells us who made the vessel and for whom, which is rare for objects this old,\" said "
            "{person}, a researcher at the museum.",
            "Entry to the exhibition is free, but visitors must book a time slot online.",
            "The museum received more than {big} visitors during the last national holiday.",
            "Some of the colours in the murals had been hidden under layers of dust and old repairs.",
            "\"We removed only what had been added later and left the original brushwork untouched,\" said {person2}, "
            "who led the restoration team.",
            "Archaeologists believe the tombs belonged to a noble family that ruled the area for several generations.",
            "A children's workshop lets young visitors make clay copies of the vessels.",
            "Night openings on Fridays and Saturdays have proved popular with students and office workers.",
            "The museum plans to lend part of the collection to other cities next year.",
            "Humidity and temperature in the halls are controlled to protect the fragile metal and pigments.",
        ),
        "headings": ("Treasures of the early city", "Painstaking work", "Bringing visitors in",
                     "Looking after the past"),
        "quotes": (),
        "bullets": (),
        "close": ("The exhibition will run until the end of October.",),
    },
    {
        "name": "trade",
        "stories": (
            {"title": "Spring trade fair in {city} draws buyers from {n} dozen countries",
             "lead": "A spring trade fair opened in {city} on {day}, drawing buyers and exhibitors from more than "
                     "{n} dozen countries and regions.",
             "standfirst": "Organisers say the number of foreign buyers registered this year is the highest "
                           "since the fair began."},
            {"title": "Cross-border e-commerce zone in {city} doubles parcel volume",
             "lead": "A cross-border e-commerce zone in {city} handled twice as many parcels in the first quarter "
                     "as a year earlier, local commerce officials said.",
             "standfirst": "Small manufacturers in the area are using the zone to sell directly to customers "
                           "abroad."},
        ),
        "body": (
            "Stands at the fair show household appliances, textiles, furniture, toys and farm machinery.",
            "Exhibitors said buyers were particularly interested in small electric vehicles and energy-saving "
            "appliances.",
            "\"We signed three contracts on the first morning, which has never happened before,\" said {person}, sales "
            "manager of a lighting company.",
            "Foreign trade of {region} rose by {pct} percent in the first two months of the year.",
            "A new exhibition hall, opened last autumn, has doubled the space available to exhibitors.",
            "Customs officers at the zone use automated scanners that check a parcel in a few seconds.",
            "Many of the companies taking part employ fewer than fifty workers and make a single product.",
            "Interpreters fluent in more than a dozen languages are on hand to help buyers and sellers.",
            "\"Our customers used to come through three middlemen, and now they order from us directly,\" said "
            "{person2}, who runs a family furniture workshop.",
            "Direct flights between {city} and several foreign cities were added ahead of the fair.",
            "Online sessions allow buyers who cannot travel to tour the stands through live video.",
            "The local government offers training to small firms on export rules and payment systems.",
            "Warehouses in the zone can hold goods for up to a year before they are shipped.",
            "Orders signed on the first day were worth about {big} million yuan, according to the organisers.",
        ),
        "headings": ("Busy halls", "Selling direct", "Help for small firms", "Faster customs"),
        "quotes": (),
        "bullets": (),
        "close": ("The fair will close on Sunday, and an autumn session is planned for October.",),
    },
    {
        "name": "science",
        "stories": (
            {"title": "Research vessel sets sail from {city} on deep-sea survey",
             "lead": "A research vessel left port in {city} on {day} at the start of a {n}-month survey of the "
                     "deep seabed and its marine life.",
             "standfirst": "Scientists on board will map the seabed and collect samples from depths of several "
                           "thousand meters."},
            {"title": "Radio telescope in {region} begins trial observations",
             "lead": "A new radio telescope built in a remote valley of {region} has begun trial observations, "
                     "its operators said on {day}.",
             "standfirst": "The telescope's dish is made of more than {big} adjustable panels."},
        ),
        "body": (
            "The ship carries a remotely operated vehicle that can dive to the seabed and collect rocks and animals.",
            "Scientists from {n} universities are taking part in the survey, along with researchers from abroad.",
            "The valley was chosen because the surrounding mountains shield the instrument from radio interference.",
            "Mobile phones and other electronic devices are banned within a few kilometers of the telescope.",
            "\"The first signals we recorded were clearer than we had dared to hope,\" said {person}, chief engineer "
            "of the observatory.",
            "Data collected on the voyage will be shared with research institutes around the world.",
            "Engineers spent months adjusting the panels so that the dish keeps its shape as the temperature changes.",
            "The crew will work in shifts so that the survey continues around the clock.",
            "\"We expect to find species that nobody has described before,\" said {person2}, a marine biologist "
            "on board.",
            "Young researchers make up about {pct} percent of the scientific team.",
            "A visitor centre near the telescope explains how radio astronomy works.",
            "The vessel's laboratories can analyse samples at sea instead of waiting for the return to port.",
            "Sea trials of the new equipment were carried out last autumn in calmer coastal waters.",
            "The project has been in planning for nearly a decade.",
        ),
        "headings": ("Into the deep", "Listening to the sky", "International partners", "What they hope to find"),
        "quotes": (),
        "bullets": (),
        "close": ("The researchers plan to publish the first results early next year.",),
    },
)

# =========================================================================== Russia (TASS, RT)

RUSSIA_PLACES = (
    ("Kazan", "Tatarstan"), ("Yekaterinburg", "the Sverdlovsk Region"), ("Novosibirsk", "the Novosibirsk Region"),
    ("Murmansk", "the Murmansk Region"), ("Vladivostok", "the Primorye Territory"),
    ("Krasnodar", "the Krasnodar Territory"),
    ("Tomsk", "the Tomsk Region"), ("Kaliningrad", "the Kaliningrad Region"), ("Irkutsk", "the Irkutsk Region"),
    ("Arkhangelsk", "the Arkhangelsk Region"),
)

RUSSIA_PEOPLE = ("Pavel Gromov", "Irina Lukashina", "Sergey Melnikov", "Olga Varennikova", "Dmitry Kurakin",
                 "Anna Selivanova", "Nikolai Baranov", "Yelena Zorina", "Andrei Tikhonov", "Marina Sokolova")

RUSSIA_TOPICS: tuple[dict, ...] = (
    {
        "name": "arctic",
        "stories": (
            {"title": "Icebreaker convoy opens early navigation on Arctic route",
             "lead": "A convoy of cargo ships escorted by a nuclear-powered icebreaker has set off along the "
                     "Arctic sea route from {city}, opening the navigation season about {n} weeks earlier than "
                     "last year.",
             "standfirst": "The operator expects cargo traffic along the route to grow by {pct}% this year."},
            {"title": "New port terminal in {city} to handle Arctic cargo",
             "lead": "A new cargo terminal designed for Arctic shipping has been opened at the port of {city}, "
                     "the port authority said on {day}.",
             "standfirst": "The terminal will be able to handle up to {big} thousand tonnes of cargo a year."},
        ),
        "body": (
            "The convoy includes {n} vessels carrying fuel, building materials and food for settlements along the "
            "coast.",
            "Ice in the eastern part of the route is still up to two meters thick at this time of year.",
            "Satellite images are used to choose the safest passage through the ice each day.",
            "The terminal has new cranes and heated warehouses that can work at temperatures of minus forty degrees.",
            "\"Every extra week of navigation means more supplies reach the northern towns before winter,\" "
            "{person} said.",
            "Crews on the icebreakers work in shifts of four months before returning to their home ports.",
            "Shipping along the route has grown steadily over the past decade, according to the operator's figures.",
            "The port authority said it had dredged the approach channel so that larger ships could enter.",
            "Weather stations along the coast send updates to the ships every few hours.",
            "\"We planned the season carefully because an early start carries its own risks,\" {person2} said.",
            "Rescue teams and helicopters are stationed at several points along the coast throughout the season.",
            "Fuel for the settlements is stored in tanks that were renovated last summer.",
            "Local authorities said the new terminal would create about {big} jobs.",
            "Students from maritime colleges are doing their practical training on board the convoy.",
        ),
        "headings": (),
        "quotes": (),
        "bullets": (),
        "close": ("The navigation season on the route usually lasts until late November.",),
    },
    {
        "name": "grain",
        "stories": (
            {"title": "Farmers in {region} begin spring sowing",
             "lead": "Farmers in {region} have begun spring sowing, starting with barley and spring wheat on "
                     "fields in the south of the region, the regional agriculture ministry said.",
             "standfirst": "The region plans to sow more than {big} thousand hectares this spring."},
            {"title": "Grain exports through southern ports rise in first quarter", "where": "Moscow",
             "lead": "Grain exports through the country's southern ports rose by {pct}% in the first quarter "
                     "compared with the same period last year, according to data released on {day}.",
             "standfirst": "Wheat made up most of the shipments, followed by barley and maize."},
        ),
        "body": (
            "Warm weather in March allowed farmers to go into the fields earlier than usual.",
            "Seed and fertilizer supplies have been secured for the whole season, the ministry said.",
            "Farms in the region bought {n} hundred new tractors and combines over the winter.",
            "\"The soil has enough moisture after the snow, and that gives us a good start,\" said {person}, head of "
            "a large farming company.",
            "Agronomists will monitor the fields with drones to spot disease early.",
            "Most of the grain is shipped to buyers in the Middle East, North Africa and Asia.",
            "New grain terminals were opened at two ports last year, increasing loading capacity.",
            "Railway operators added extra wagons to carry grain from inland elevators to the coast.",
            "\"Demand abroad remains strong, and buyers are looking for long-term contracts,\" {person2} said.",
            "Farmers are also planting more sunflower, flax and peas, which fetch good prices.",
            "The regional government offers subsidies to farms that buy domestic machinery.",
            "Storage capacity at elevators in the region has grown by about a fifth in three years.",
            "Weather forecasters expect normal rainfall in the coming weeks.",
            "Young specialists who move to rural areas can receive a grant and help with housing.",
        ),
        "headings": (),
        "quotes": (),
        "bullets": (),
        "close": ("Sowing in the northern districts will begin in May, when the soil warms up.",),
    },
    {
        "name": "metro",
        "stories": (
            {"title": "{cap_n} new stations open on Moscow's outer metro ring", "where": "Moscow",
             "lead": "{cap_n} new stations have opened on the outer metro ring in Moscow, the city's transport "
                     "department said on {day}.",
             "standfirst": "The new section will cut travel times for about {big} thousand passengers a day."},
            {"title": "Electric buses take over city routes in {city}",
             "lead": "Electric buses have replaced diesel vehicles on all central routes in {city}, the city "
                     "administration said.",
             "standfirst": "The city plans to buy another {n} dozen electric buses by the end of the year."},
        ),
        "body": (
            "The new stations are decorated with mosaics showing the history of the districts they serve.",
            "Trains on the ring run every three minutes during rush hour.",
            "Passengers can pay their fare with a bank card, a phone or a transport card.",
            "Each electric bus can travel about {km} kilometers on a single charge.",
            "\"Residents of these districts used to spend an hour getting to the nearest station,\" {person} said.",
            "Charging stations have been installed at the end of every route.",
            "The buses are quieter than diesel vehicles and have low floors for wheelchairs and prams.",
            "Construction of the section took about four years and involved digging tunnels under a river.",
            "\"We listened to passengers and changed the timetable twice before the launch,\" {person2} said.",
            "Ridership on public transport in the city has risen by {pct}% over the past two years.",
            "New transfer hubs link the metro with suburban trains and bus routes.",
            "The stations have lifts and tactile paving for people with limited vision.",
            "Drivers received training on the new buses before they entered service.",
            "The city plans to extend the network further to the south over the next five years.",
        ),
        "headings": (),
        "quotes": (),
        "bullets": (),
        "close": ("The transport department said more stations would open on the ring next year.",),
    },
    {
        "name": "space",
        "stories": (
            {"title": "Rocket carrying weather satellites lifts off from Vostochny", "where": "Moscow",
             "lead": "A rocket carrying two weather satellites has lifted off from the Vostochny space centre in "
                     "the Far East, the state space corporation said on {day}.",
             "standfirst": "The satellites will monitor cloud cover, sea ice and forest fires across the "
                           "northern hemisphere."},
            {"title": "Students in {city} build small research satellite",
             "lead": "Students at a technical university in {city} have built a small research satellite that "
                     "will be launched later this year, the university said.",
             "standfirst": "The satellite weighs about {n} kilograms and will measure radiation in orbit."},
        ),
        "body": (
            "The launch took place on schedule, and the satellites separated from the upper stage about an hour "
            "later.",
            "Ground stations have established contact with both spacecraft, and all systems are working normally.",
            "The satellites will join several others already in orbit, improving the accuracy of forecasts.",
            "\"This is the first spacecraft designed entirely by our students,\" {person} said.",
            "The students tested the satellite in a vacuum chamber and on a vibration table.",
            "Data from the satellites will be available to meteorologists in neighbouring countries.",
            "The university has signed an agreement with a space company to launch the satellite as a passenger "
            "payload.",
            "\"Our graduates are already working at design bureaus across the country,\" {person2} said.",
            "The spacecraft carry instruments that can see through thick cloud.",
            "About {n} dozen students took part in the project over three years.",
            "The mission is expected to last at least seven years.",
            "A second launch from the same pad is planned for the autumn.",
            "Schoolchildren were invited to watch the launch broadcast at the university.",
            "The rocket's first stage fell in a designated area in a sparsely populated region.",
        ),
        "headings": (),
        "quotes": (),
        "bullets": (),
        "close": ("The space corporation said the satellites would begin regular operation after several "
                  "weeks of tests.",),
    },
    {
        "name": "culture",
        "stories": (
            {"title": "Exhibition of Russian landscape painting opens in {city}",
             "lead": "An exhibition of nineteenth-century Russian landscape painting has opened at the regional "
                     "art museum in {city}.",
             "standfirst": "More than {big} works have been brought together from museums across the country."},
            {"title": "Winter festival in {city} draws record crowds",
             "lead": "A winter festival of music, ice sculpture and folk crafts drew record crowds to {city} over "
                     "the weekend, the city administration said on {day}.",
             "standfirst": "Organisers counted about {big} thousand visitors over three days."},
        ),
        "body": (
            "The paintings show forests, rivers and villages in every season of the year.",
            "Some of the works have been restored especially for the exhibition.",
            "Sculptors from {n} countries carved figures from blocks of ice on the main square.",
            "\"We wanted to show how painters saw their country long before photography,\" {person} said.",
            "Folk ensembles performed songs and dances from different regions.",
            "Visitors can take guided tours in several languages.",
            "The museum has extended its opening hours until nine in the evening on weekdays.",
            "\"People came with their whole families, even when the temperature dropped below minus twenty,\" "
            "{person2} said.",
            "Craftsmen sold carved wooden toys, painted trays and woollen shawls.",
            "Schoolchildren can visit the exhibition free of charge.",
            "A concert of chamber music is held in the main hall every Saturday.",
            "The festival's ice slides were the most popular attraction among children.",
            "Ticket sales were {pct}% higher than last year.",
            "Hotels in the city reported that almost all their rooms were booked.",
        ),
        "headings": (),
        "quotes": (),
        "bullets": (),
        "close": ("The exhibition will remain open until the end of the summer.",),
    },
)

# =========================================================================== Iran (PressTV)

IRAN_PLACES = (
    ("Isfahan", "Isfahan Province"), ("Tabriz", "East Azarbaijan Province"), ("Mashhad", "Razavi Khorasan Province"),
    ("Shiraz", "Fars Province"), ("Rasht", "Gilan Province"), ("Kerman", "Kerman Province"),
    ("Yazd", "Yazd Province"), ("Hamedan", "Hamedan Province"),
)

IRAN_PEOPLE = ("Reza Kamali", "Maryam Tavakoli", "Hossein Farahani", "Leila Ahmadi", "Mehdi Sharifi",
               "Zahra Mousavi", "Ali Ghanbari", "Fatemeh Rostami")

IRAN_TOPICS: tuple[dict, ...] = (
    {
        "name": "water",
        "stories": (
            {"title": "Water transfer project to supply {city} completed",
             "lead": "A water transfer project that will supply drinking water to {city} and surrounding towns "
                     "has been completed, officials in {region} said on {day}.",
             "standfirst": ""},
            {"title": "Farmers in {region} switch to drip irrigation",
             "lead": "Farmers in {region} have switched more than {big} hectares of orchards and fields to drip "
                     "irrigation over the past year, the provincial agriculture department said.",
             "standfirst": ""},
        ),
        "body": (
            "The pipeline runs for about {km} kilometers and includes {n} pumping stations.",
            "The project was carried out entirely by domestic engineering companies.",
            "Drip irrigation can cut the amount of water used on a field by up to half.",
            "Officials said the project would end the need to bring water to some villages by tanker trucks.",
            "\"For years we waited for water in summer, and now it comes from the tap,\" said {person}, a resident "
            "of one of the villages.",
            "The provincial government pays part of the cost of new irrigation equipment.",
            "Engineers built a treatment plant near the city to purify the water before it is distributed.",
            "Rainfall in the province has been below average for several years.",
            "\"The farmers who switched first persuaded their neighbours,\" said {person2}, an agricultural engineer.",
            "Yields of pistachios and pomegranates on irrigated plots have risen by {pct} percent.",
            "Work on a second pipeline, to the east of the province, has already begun.",
            "Training courses on irrigation are held in village mosques and community centres.",
            "The ministry of energy said it would monitor groundwater levels closely.",
            "Local manufacturers now produce most of the pipes and valves used in the projects.",
        ),
        "headings": (),
        "quotes": (),
        "bullets": (),
        "close": ("Officials said more villages would be connected to the network by the end of the year.",),
    },
    {
        "name": "saffron",
        "stories": (
            {"title": "Saffron exports rise as new markets open",
             "lead": "Exports of saffron rose by {pct} percent in the last Iranian calendar year, as traders "
                     "found buyers in new markets in Asia and Latin America.",
             "standfirst": ""},
            {"title": "Pistachio growers in {region} expect bumper harvest",
             "lead": "Pistachio growers in {region} expect one of their best harvests in years after a mild "
                     "spring, agriculture officials said on {day}.",
             "standfirst": ""},
        ),
        "body": (
            "Most of the saffron is grown in the east of the country, where the dry climate suits the crop.",
            "The flowers are picked by hand at dawn, and the red threads are separated the same day.",
            "Packaging companies in {city} have invested in new machines that seal the saffron in small tins.",
            "\"Buyers now ask for certificates showing the origin and quality of every batch,\" said {person}, "
            "a saffron trader.",
            "Women make up a large share of the workers who sort and dry the threads.",
            "Pistachio orchards in the province cover about {big} hectares.",
            "Traders said prices had held steady despite higher transport costs.",
            "\"A good harvest means we can pay back our loans and replant the older trees,\" said {person2}, "
            "who farms near {city}.",
            "Agricultural researchers are developing varieties that need less water.",
            "The country has been selling more of its produce through regional trade fairs.",
            "Farmers are encouraged to form cooperatives to sell directly to exporters.",
            "New cold stores have been built to keep the crop fresh before it is shipped.",
            "Customs data show that shipments to neighbouring countries also increased.",
            "The harvest usually begins at the end of summer and lasts about a month.",
        ),
        "headings": (),
        "quotes": (),
        "bullets": (),
        "close": ("Officials said exports were expected to grow again this year.",),
    },
    {
        "name": "health",
        "stories": (
            {"title": "New children's hospital opens in {city}",
             "lead": "A children's hospital with {big} beds has opened in {city}, the health ministry said on "
                     "{day}.",
             "standfirst": ""},
            {"title": "Iranian researchers develop new treatment for burns",
             "lead": "Researchers at a university in {city} have developed a dressing made from natural "
                     "materials that helps burns heal faster, the university said.",
             "standfirst": ""},
        ),
        "body": (
            "The hospital has specialist departments for heart surgery, cancer treatment and newborn care.",
            "Families from neighbouring provinces used to travel to the capital for such treatment.",
            "The dressing is made from a gel derived from plants and keeps the wound moist.",
            "\"Our doctors trained for two years in preparation for the opening,\" said {person}, the hospital's "
            "director.",
            "Clinical trials involving {n} hundred patients showed that wounds healed about a third faster.",
            "The hospital was built with donations from charities and local businesses.",
            "The researchers have applied for a patent and are talking to pharmaceutical companies.",
            "\"The materials are cheap and available in the country, which keeps the cost low,\" said {person2}, "
            "who led the research team.",
            "The building includes a play area and accommodation for parents.",
            "Iranian companies now produce {pct} percent of the medicines used in the country's hospitals.",
            "Medical students will do part of their training at the new hospital.",
            "Doctors at the hospital will also offer consultations by video to clinics in rural areas.",
            "The university's laboratory has also worked on dressings for diabetic wounds.",
            "The ministry plans to open similar hospitals in three other provinces.",
        ),
        "headings": (),
        "quotes": (),
        "bullets": (),
        "close": ("The health ministry said the hospital would be fully operational within two months.",),
    },
)

# =========================================================================== a UK local news site (WordPress)

LOCAL_PLACES = (("Thornfield", "Marsh Lane"), ("Thornfield", "Castle Street"), ("Thornfield", "Mill Road"),
                ("Thornfield", "Queen's Parade"), ("Thornfield", "Riverside Walk"), ("Thornfield", "Station Road"))

LOCAL_PEOPLE = ("Helen Marsden", "Gareth Pryce", "Nadia Osei", "Colin Whitlock", "Ruth Abernethy", "Sam Achebe",
                "Lorna Fitch", "Ravi Mistry")

LOCAL_TOPICS: tuple[dict, ...] = (
    {
        "name": "library",
        "stories": (
            {"title": "Thornfield library to reopen after year-long refurbishment",
             "lead": "Thornfield's central library on {region} will reopen to the public on Saturday after a "
                     "refurbishment that took more than a year and cost £{big},000.",
             "standfirst": "The building now has a children's floor, a small cafe and study rooms that can be "
                           "booked online."},
            {"title": "Mobile library van returns to outlying villages",
             "lead": "The mobile library van that used to visit Thornfield's outlying villages is back on the "
                     "road, {n} years after it was withdrawn to save money.",
             "standfirst": "Volunteers will help run the service, which stops in each village once a fortnight."},
        ),
        "body": (
            "The Victorian building had leaking roofs and outdated wiring, and parts of it had been closed since 2023.",
            "Builders replaced the roof, restored the original tiled entrance hall and installed a lift.",
            "The children's floor has low shelves, beanbags and a corner for story time.",
            "Opening hours will be extended to 7pm on Tuesdays and Thursdays.",
            "The van carries about {n} hundred books as well as audiobooks and large-print titles.",
            "Residents can reserve books online and collect them when the van calls.",
            "A local history room holds old maps, photographs and copies of parish records.",
            "The council said visitor numbers had fallen sharply while the building was closed.",
            "Volunteers from the Friends of Thornfield Library raised £{pct},000 towards the new furniture.",
            "Free computer sessions for older residents will restart in the spring.",
            "The cafe will be run by a social enterprise that trains young people with learning disabilities.",
            "Parking remains limited, and the council is urging visitors to walk or take the bus.",
            "Schools have already booked class visits for the summer term.",
            "The van runs on electricity and is charged overnight at the council depot.",
        ),
        "headings": ("What has changed", "Opening times", "Back on the road", "How to get involved"),
        "quotes": (
            ("{person}, who chairs the Friends of Thornfield Library, said:",
             "We have missed this place terribly. People have been stopping us in the street for months to ask "
             "when it would open again, and now we can finally tell them."),
            ("Councillor {person2}, the cabinet member for culture, said:",
             "Libraries are one of the few places left where anyone can walk in, sit down and stay as long as "
             "they like without spending a penny. We wanted to get this one right."),
        ),
        "bullets": (
            ("The new building includes:",
             ("A children's floor with a story-time corner", "Six study rooms that can be booked online",
              "A cafe run by a local social enterprise", "Step-free access to every floor")),
            ("The van will stop at:",
             ("Ashby Green, outside the village hall, on Mondays", "Hollins Cross, by the church, on Wednesdays",
              "Lower Wenham, at the school car park, on Fridays")),
        ),
        "close": ("The reopening will be marked with a family open day from 10am to 4pm.",),
    },
    {
        "name": "bus",
        "stories": (
            {"title": "Changes to Thornfield bus routes from next month",
             "lead": "Bus routes across Thornfield will change from the start of next month, with more frequent "
                     "services on {region} and fewer buses on some quieter evening routes.",
             "standfirst": "The operator says the new timetable reflects how people travel since the pandemic."},
            {"title": "Campaigners win fight to save the 14 bus",
             "lead": "Campaigners have won their fight to save the number 14 bus, which links the estates on the "
                     "north side of Thornfield with the hospital and the town centre.",
             "standfirst": "The council will pay for the service for at least two more years."},
        ),
        "body": (
            "Buses on the main route will run every ten minutes during the day, up from every fifteen.",
            "The last bus from the town centre on weekdays will leave at 11.20pm.",
            "More than {big} people signed a petition against the planned cuts.",
            "Passengers will be able to pay with contactless cards on every bus from the spring.",
            "Older residents said they relied on the route to reach hospital appointments.",
            "The operator said some evening services carried fewer than {n} passengers a night.",
            "New shelters with timetable screens will be installed at the busiest stops.",
            "Fares for under-19s will be capped at £1 for a single journey.",
            "The council is funding the route from a government grant for bus services.",
            "Campaigners handed in their petition at a meeting of the full council last month.",
            "Drivers have been given extra training on helping passengers with wheelchairs and pushchairs.",
            "A consultation on further changes will open in the summer.",
            "Passenger numbers on the route have grown by {pct} per cent since the fare cap was introduced.",
            "Printed timetables will be available at the library and the bus station.",
        ),
        "headings": ("What is changing", "Saving the 14", "Fares and tickets", "Have your say"),
        "quotes": (
            ("{person}, who organised the petition, said:",
             "This bus is a lifeline for people who do not drive. We were not going to let it go without a fight, "
             "and we are delighted the council listened."),
            ("A spokesperson for the operator, {person2}, said:",
             "We have looked closely at when people actually travel, and the new timetable puts buses where "
             "they are needed most."),
        ),
        "bullets": (
            ("The main changes are:",
             ("Buses every ten minutes on the main route during the day", "A later last bus on weekdays",
              "Fewer evening services on routes 7 and 9", "Contactless payment on every bus")),
        ),
        "close": ("Full details of the new timetable are available at the bus station.",),
    },
    {
        "name": "flood",
        "stories": (
            {"title": "Work starts on £{big}m flood defences along the river",
             "lead": "Work has started on new flood defences along the river through Thornfield, three winters "
                     "after hundreds of homes near {region} were flooded.",
             "standfirst": "The scheme includes raised walls, a new pumping station and a storage area upstream."},
            {"title": "Residents given flood-protection grants for their homes",
             "lead": "Dozens of households near {region} are to receive grants to protect their homes from "
                     "flooding, the council has announced.",
             "standfirst": "Each household can receive up to £{n},000 for doors, barriers and pumps."},
        ),
        "body": (
            "The river burst its banks after days of heavy rain, and some homes were under a metre of water.",
            "Many families spent months living in rented flats while their houses were dried out.",
            "The new walls will be built of concrete faced with local stone.",
            "A storage area on farmland upstream will hold back water during heavy rain.",
            "Grants can be used for flood doors, air-brick covers and pumps.",
            "Surveyors will visit each home to recommend what should be installed.",
            "The footpath along the river will be closed in sections while the work goes on.",
            "The Environment Agency said the scheme would protect about {big} homes and businesses.",
            "Some residents said they were still struggling to get insurance.",
            "Trees removed for the work will be replaced with new planting along the banks.",
            "The pumping station will be able to move water out of the drains when the river is high.",
            "Contractors will work from 8am to 6pm on weekdays.",
            "The scheme is expected to take {n} years to complete.",
            "A drop-in session for residents will be held at the community centre next week.",
        ),
        "headings": ("What is being built", "Help for households", "Disruption during the work",
                     "Living with the river"),
        "quotes": (
            ("{person}, whose house on the street flooded, said:",
             "Every time it rains hard we still lie awake listening. Knowing the work has finally started makes "
             "a huge difference."),
            ("Councillor {person2} said:",
             "We know how long people have waited. These defences will not stop every flood, but they will make "
             "a very big difference to the homes most at risk."),
        ),
        "bullets": (
            ("The scheme includes:",
             ("Raised walls along both banks through the town centre", "A new pumping station near the old mill",
              "A storage area on farmland upstream", "Replanting along the river path")),
        ),
        "close": ("The council said it would publish updates on the work every month.",),
    },
)

# =========================================================================== North Korea (more topics for KCNA, Rodong)

#: Same shape as `crawler.demo.prose.WATCH_TOPICS`: stories are (title, lead, the story's own sentences).
DPRK_TOPICS: tuple[dict, ...] = (
    {
        "tag": "fisheries",
        "stories": (
            ("Fishing Stations in {province} Report Rich Catches",
             "Fishing stations along the coast of {province} have reported rich catches of pollack and sand "
             "lance since the start of the month.",
             ("Fishing boats equipped with new sonar sets located the shoals more quickly than before.",
              "Catches were landed at the quays before dawn and sent straight to the processing plants.")),
            ("Fish Farm Expands in {place}",
             "A fish farm in {place} has expanded its ponds and started raising trout and sturgeon in addition to "
             "carp.",
             ("Water for the new ponds is drawn from a mountain stream and flows through a filtering bed.",
              "Workers of the farm built feeding machines themselves with parts made at a local workshop.")),
        ),
        "body": (
            "The fishermen repaired their nets and engines during the winter so that not a day of the season "
            "would be lost.",
            "Processing plants have added new freezing and smoking lines to handle the larger catches.",
            "Scientists from a marine research institute advised on the best fishing grounds for the season.",
            "Part of the catch is supplied to kindergartens, schools and hospitals in {place}.",
            "The fishermen's families were provided with new houses near the harbour last year.",
            "Officials said the catch so far this season was {pct} percent larger than a year earlier.",
            "Young workers who joined the station this year learned the work from experienced skippers.",
            "Salt, ice and fuel were delivered to the station in good time before the season began.",
            "A small shipyard at the station repairs boats and builds new ones of wood and steel.",
            "Fish oil and fishmeal made from the by-products are sent to poultry and pig farms.",
        ),
        "close": (
            "The fishermen said they would keep up the momentum throughout the season.",
            "Similar achievements are being reported by fishing stations in other coastal areas.",
        ),
    },
    {
        "tag": "transport",
        "stories": (
            ("Railway Section Modernized in {province}",
             "The modernization of a railway section in {province} has been completed, allowing trains to run "
             "faster and more safely on the line.",
             ("Old wooden sleepers were replaced with concrete ones along the whole section.",
              "Signalling equipment at the stations was renewed and linked to a central control room.")),
            ("New Trolleybuses Go into Service in {place}",
             "New trolleybuses built at a local factory have gone into service on the streets of {place}.",
             ("The trolleybuses have wider doors and lower floors than the old ones.",
              "Drivers and conductors attended a course on the new vehicles before they entered service.")),
        ),
        "body": (
            "Railway workers worked day and night to finish the project before the spring transport season.",
            "Bridges along the section were strengthened and their foundations repaired.",
            "The factory that built the vehicles developed most of the parts on its own.",
            "Residents of {place} say the new vehicles are quieter and more comfortable than the old ones.",
            "Technicians of the railway bureau introduced new methods of laying track that shortened the work.",
            "The section now carries {big} more tonnes of freight every day than before.",
            "Stations along the line were repainted and given new waiting rooms.",
            "Passengers waiting at the stops can see when the next vehicle will arrive.",
            "Engineers checked every kilometer of the line before trains were allowed to run at full speed.",
            "Materials were supplied by steel works and cement factories in the region.",
        ),
        "close": (
            "Officials of the railway ministry inspected the section and praised the quality of the work.",
            "The city plans to put more new vehicles into service later this year.",
        ),
    },
)

#: More headlines of the local site, for its rails, widgets and post navigation.
LOCAL_HEADLINES = (
    "Allotment holders win reprieve as council drops plan to sell land",
    "Town centre market to move to Sunday mornings from April",
    "Volunteers clear two tonnes of litter from the canal towpath",
    "New crossing promised for school run hotspot on Mill Road",
    "Cricket club's pavilion rebuilt after last summer's fire",
    "Swimming pool to close for six weeks for roof repairs",
    "Plans lodged for forty homes on the old dairy site",
    "Charity shop marks twenty-five years on Castle Street",
    "Parking charges to rise at two council car parks",
    "Choir raises thousands for the hospice with spring concert",
)
